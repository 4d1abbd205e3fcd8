/** What the widget states share: walking shadow roots, settling in rounds of Lit updates, waiting for a state. */
import type { Branding } from '../../widgets/core/api-client.ts';
import { DEMO_BRANDING } from '../../demo/tenants.ts';

/** How a state looks: whose brand, light or dark. */
export interface Look {
  brand: 'clinica-sol' | 'martins-castro';
  scheme: 'light' | 'dark';
}

/** One element in one state: `mount` puts it in `host` and resolves once the state is on screen. */
export interface WidgetState {
  /** The element's tag (`portal-billing`, `admin-users`, `portico-admin`). */
  widget: string;
  /** The state, in a few words (`charge open`). */
  state: string;
  mount(host: HTMLElement, look: Look): Promise<HTMLElement>;
}

export const DEFAULT_LOOK: Look = { brand: 'clinica-sol', scheme: 'light' };

/** The look's branding, as a tenant record holds it. */
export const brandingOf = (look: Look): Branding => ({ ...DEMO_BRANDING[look.brand], colorScheme: look.scheme });

export const sleep = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Every element under `root`, shadow roots included, each before what it contains (its shadow tree, then its children). */
export function* deepElements(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

/** The first element matching `selector` under `root` (itself included), looking into every shadow root. */
export function deepQuery<T extends Element = HTMLElement>(root: Element, selector: string): T | undefined {
  if (root.matches(selector)) return root as unknown as T;
  if (root.shadowRoot) for (const element of deepElements(root.shadowRoot)) if (element.matches(selector)) return element as T;
  for (const element of deepElements(root)) if (element.matches(selector)) return element as T;
  return undefined;
}

/** Every element matching `selector` under `root`, looking into every shadow root. */
export function deepQueryAll<T extends Element = HTMLElement>(root: Element, selector: string): T[] {
  const all = [...(root.shadowRoot ? deepElements(root.shadowRoot) : []), ...deepElements(root)];
  return all.filter((element) => element.matches(selector)) as T[];
}

/** Lets everything under `root` render: `rounds` times a frame (layout observers report before it), every Lit update, a task. */
export async function settle(root: Element, rounds = 3) {
  for (let i = 0; i < rounds; i++) {
    await frame();
    const updating = [root, ...deepElements(root), ...(root.shadowRoot ? deepElements(root.shadowRoot) : [])].filter(
      (element): element is Element & { updateComplete: Promise<unknown> } => 'updateComplete' in element,
    );
    await Promise.all(updating.map((element) => element.updateComplete));
    await sleep();
  }
}

/** Settles `root` until `ready()` holds, then once more; throws naming `what` if it never does (counted in rounds, not time). */
export async function until(root: Element, what: string, ready: () => unknown, rounds = 150) {
  for (let i = 0; i < rounds; i++) {
    if (ready()) return settle(root);
    await settle(root, 1);
  }
  throw new Error(`the state never came: ${what}`);
}

/** Waits for `selector` under `root`, then clicks it. */
export async function clickWhenThere(root: Element, selector: string) {
  await until(root, selector, () => deepQuery(root, selector));
  deepQuery(root, selector)!.click();
  await settle(root);
}

/** Sets a field's value and sends `input` and `change`, as typing would. */
export function fill(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Sets the address's hash without a history entry or a `hashchange`. */
export function setHash(hash: string) {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}
