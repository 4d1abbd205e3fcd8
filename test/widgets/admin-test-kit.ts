/** Shared helpers of the admin section tests: mounting a section, letting it settle, recording its API calls and reading its shadow DOM. */
import { expect, fixture, html } from '@open-wc/testing';
import type { AdminApi } from '../../widgets/admin/admin-api.ts';
import { fakeAdminApi } from '../../widgets/admin/fake-admin-api.ts';

/** Anything Lit renders: it has an `updateComplete`. */
export type Updating = { updateComplete: Promise<unknown> };
/** A call to a fake API's method, written down. */
export type Call = { name: string; args: unknown[] };
/** A request through a fake API's `request`, written down (the body only when one was given). */
export type RequestCall = { method: string; path: string; body?: unknown };

export const sleep = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** Lets `el` finish its updates and its tasks: `rounds` times an update, then a turn of the event loop. */
export async function settle(el: Updating, rounds = 6) {
  for (let i = 0; i < rounds; i++) {
    await el.updateComplete;
    await sleep();
  }
}

/** The element in the open tab's panel of a tabbed section. */
export const openPanel = (el: Element) => el.shadowRoot!.querySelector<HTMLElement & Updating>('[role=tabpanel]:not([hidden]) > *');

/** Like `settle`, for a tabbed section: each round also waits for the open tab's panel. */
export async function settleTabs(el: Updating & Element, rounds = 8) {
  for (let i = 0; i < rounds; i++) {
    await el.updateComplete;
    await openPanel(el)?.updateComplete;
    await sleep();
  }
}

/** A fake API that writes down every call of the methods given. */
export function recording(methods: Partial<AdminApi>) {
  const log: Call[] = [];
  const wrapped = Object.fromEntries(
    Object.entries(methods).map(([name, method]) => [name, (...args: unknown[]) => (log.push({ name, args }), (method as (...a: unknown[]) => unknown)(...args))]),
  );
  return { api: fakeAdminApi(wrapped as Partial<AdminApi>), log };
}

/** A fake API whose `request` is answered by `answer`, writing down every request. */
export function recordingRequests(answer: AdminApi['request']) {
  const log: RequestCall[] = [];
  const api = fakeAdminApi({
    request: ((method, path, body) => {
      log.push(body === undefined ? { method, path } : { method, path, body });
      return answer(method, path, body);
    }) as AdminApi['request'],
  });
  return { api, log };
}

/**
 * Mounts a section's element in a wrapper `width` pixels wide at most (exactly, with `exact`), then settles it.
 * The properties are set as properties, not through a template: Lit would take the fake API (a Proxy answering every name) for a directive.
 */
export async function mountSection<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]>,
  options: { width?: number; exact?: boolean; settle?: (el: HTMLElementTagNameMap[K]) => Promise<void> } = {},
) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`${options.exact ? 'width' : 'max-width'}: ${options.width ?? 720}px`}></div>`);
  const el: HTMLElementTagNameMap[K] = Object.assign(document.createElement(tag), properties);
  wrapper.append(el);
  await (options.settle ? options.settle(el) : settle(el as HTMLElementTagNameMap[K] & Updating));
  return { el, wrapper };
}

/** Element checks as booleans: chai's report of a failing element (which may hold the fake client) would hang the browser. */
export const present = (node: unknown) => expect(node != null, 'expected the element to be there').to.equal(true);
export const absent = (node: unknown) => expect(node == null, 'expected no such element').to.equal(true);

/** White space folded, as a person reads it. */
export const norm = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
export const root = (el: Element) => el.shadowRoot!;
/** The text of `el`'s shadow root. */
export const text = (el: Element) => norm(root(el).textContent);
/** The text of `scope` (none for null). */
export const textIn = (scope: ParentNode | null) => norm(scope?.textContent);
/** The first match of `selector` in `el`'s shadow root. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector)!;
/** The first match of `selector` in `scope`. */
export const find = <T extends Element = HTMLElement>(scope: ParentNode, selector: string) => scope.querySelector<T>(selector)!;
/** Every match of `selector` in `scope`. */
export const findAll = <T extends Element = HTMLElement>(scope: ParentNode, selector: string) => [...scope.querySelectorAll<T>(selector)];
/** The button in `scope` labelled exactly `label`. */
export const buttonIn = (scope: ParentNode, label: string) => [...scope.querySelectorAll('button')].find((b) => norm(b.textContent) === label)!;
/** The button in `el`'s shadow root labelled exactly `label`. */
export const button = (el: Element, label: string) => buttonIn(root(el), label);
/** The element focus is on in `el`'s shadow root. */
export const active = (el: Element) => root(el).activeElement;
/** An item's facts: each `<dt>` with its `<dd>`. */
export const facts = (scope: ParentNode) => Object.fromEntries(findAll(scope, 'dt').map((dt) => [norm(dt.textContent), norm(dt.nextElementSibling!.textContent)]));

/** Sets a field's value and sends the event the browser would (`change` unless told). */
export function change(field: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string, type = 'change') {
  field.value = value;
  field.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
}
