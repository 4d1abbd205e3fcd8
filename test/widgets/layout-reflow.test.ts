/// <reference types="mocha" />
/**
 * Reflow (WCAG 1.4.10) and text resize (1.4.4): every widget, in each of its main states (`test/visual/widget-states.ts`),
 * fits a phone 320 CSS px wide — the page never scrolls sideways, nothing sticks out of the widget's column, no box
 * scrolls or cuts its content sideways — and still does with its text at 200 % (root font size 200 %) in a column 640 px
 * wide, as a 1280 px window zoomed to 200 % gives. Tables and code (two-dimensional content, which 1.4.10 exempts) may scroll.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { deepElements } from '../visual/states-kit.ts';
import { DEFAULT_LOOK, ELEMENTS_TO_COVER, WIDGET_STATES, type WidgetState } from '../visual/widget-states.ts';

/** Layout is in fractional pixels: a part of a pixel is rounding, not overflow. */
const SLACK = 1;
const FORM_FIELDS = new Set(['input', 'textarea', 'select']);

/** Where an element is, as a person would find it: the widgets it sits in, then its tag, part, id and start of text. */
function locate(element: Element): string {
  const hosts: string[] = [];
  for (let root = element.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) hosts.unshift(root.host.localName);
  const part = element.getAttribute('part');
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  const own = `${element.localName}${element.id ? `#${element.id}` : ''}${part ? `[part="${part}"]` : ''}${element.classList.length ? `.${[...element.classList].slice(0, 2).join('.')}` : ''}`;
  return `${[...hosts, own].join(' › ')}${text ? ` "${text}"` : ''}`;
}

/** The element's parent across shadow boundaries (a slot's assigned node reports its slot's parent; the host for a shadow root's children). */
function composedParent(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Hidden from sight on purpose: the visually-hidden pattern (1 px and clipped), or not rendered. */
function hiddenOnPurpose(element: Element, style: CSSStyleDeclaration, rect: DOMRect): boolean {
  if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return true;
  if (rect.width === 0 && rect.height === 0) return true;
  return style.position === 'absolute' && (rect.width <= 1 || rect.height <= 1 || style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)');
}

/** Laid out against the viewport rather than the widget's column: fixed, or in the top layer (a modal dialog, a popover). */
function inViewportLayer(element: Element, stop: Element): boolean {
  for (let node: Element | null = element; node && node !== stop; node = composedParent(node)) {
    if (getComputedStyle(node).position === 'fixed' || node.matches(':modal, :popover-open')) return true;
  }
  return false;
}

/** Whether a box between `element` and `stop` clips or scrolls sideways (what overflows it is that box's problem, reported there). */
function clippedWithin(element: Element, stop: Element): boolean {
  for (let node = composedParent(element); node && node !== stop; node = composedParent(node)) {
    if (getComputedStyle(node).overflowX !== 'visible') return true;
  }
  return false;
}

/** Two-dimensional content that 1.4.10 lets scroll: a table, or code. */
const twoDimensional = (element: Element) => element.matches('table, pre, code') || !!element.querySelector(':scope > table, :scope > pre, :scope > code');

/** Everything that overflows sideways in `column` (the widget's host box), one line each. */
function overflows(column: HTMLElement, widget: HTMLElement): string[] {
  const problems: string[] = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + SLACK) problems.push(`the page scrolls sideways: ${page.scrollWidth}px of content in a ${page.clientWidth}px window`);
  if (widget.clientWidth > 0 && widget.scrollWidth > widget.clientWidth + SLACK) problems.push(`<${widget.localName}> scrolls sideways: ${widget.scrollWidth}px of content in ${widget.clientWidth}px`);
  const bounds = column.getBoundingClientRect();
  const sticking = new Set<Element>();
  for (const element of [widget, ...(widget.shadowRoot ? deepElements(widget.shadowRoot) : []), ...deepElements(widget)]) {
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    if (hiddenOnPurpose(element, style, rect)) continue;
    const [left, right] = inViewportLayer(element, column) ? [0, page.clientWidth] : [bounds.left, bounds.right];
    const parent = composedParent(element);
    if ((rect.right > right + SLACK || rect.left < left - SLACK) && !clippedWithin(element, column)) {
      sticking.add(element);
      // Only the outermost box that sticks out: its children going with it say nothing more.
      if (!parent || !sticking.has(parent)) {
        const by = rect.right > right + SLACK ? `${Math.round(rect.right - right)}px past the right edge` : `${Math.round(left - rect.left)}px past the left edge`;
        problems.push(`${locate(element)} sticks out ${by} (${Math.round(rect.width)}px wide in ${Math.round(right - left)}px)`);
      }
    }
    if (style.overflowX !== 'visible' && !FORM_FIELDS.has(element.localName) && element.scrollWidth > element.clientWidth + SLACK) {
      if (/auto|scroll/.test(style.overflowX) && twoDimensional(element)) continue;
      const how = /auto|scroll/.test(style.overflowX) ? 'scrolls sideways' : style.textOverflow === 'ellipsis' ? 'cuts its text short (ellipsis)' : 'cuts off its content';
      problems.push(`${locate(element)} ${how}: ${element.scrollWidth}px of content in ${element.clientWidth}px`);
    }
  }
  problems.push(...textOverflows(widget, bounds, sticking));
  return problems;
}

/** Whether `element` or a box around it was already reported as sticking out. */
function boxSticksOut(element: Element, sticking: Set<Element>): boolean {
  for (let node: Element | null = element; node; node = composedParent(node)) if (sticking.has(node)) return true;
  return false;
}

/** Text that runs past the column's edges (a long word or address) while its own box stays inside. */
function textOverflows(widget: HTMLElement, bounds: DOMRect, sticking: Set<Element>): string[] {
  const problems: string[] = [];
  const roots: Node[] = [widget, ...(widget.shadowRoot ? [widget.shadowRoot, ...[...deepElements(widget.shadowRoot)].flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []))] : [])];
  const range = document.createRange();
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!node.textContent?.trim() || !parent || parent.closest('style, script, template') || boxSticksOut(parent, sticking)) continue;
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 || (rect.right <= bounds.right + SLACK && rect.left >= bounds.left - SLACK)) continue;
      const style = getComputedStyle(parent);
      if (hiddenOnPurpose(parent, style, parent.getBoundingClientRect()) || inViewportLayer(parent, widget) || style.overflowX !== 'visible' || clippedWithin(parent, widget)) continue;
      problems.push(`text "${node.textContent.trim().slice(0, 40)}" in ${locate(parent)} runs ${Math.round(rect.right - bounds.right)}px past the right edge`);
    }
  }
  return problems;
}

/** Mounts `state` in a column `width` px wide at the page's top left, checks it, and takes it down again. */
async function checkFits(state: WidgetState, width: number) {
  const column = document.createElement('div');
  column.style.width = `${width}px`;
  document.body.append(column);
  try {
    const widget = await state.mount(column, DEFAULT_LOOK);
    const problems = overflows(column, widget);
    // One plain message naming the widget, the state and each box: chai's diff of the list would say it all twice.
    if (problems.length) throw new Error(`<${state.widget}> ${state.state} overflows at ${width}px:\n  ${problems.join('\n  ')}`);
  } finally {
    column.remove();
    history.replaceState(null, '', location.pathname + location.search);
  }
}

describe('reflow: every widget in its main states', function () {
  // Each state mounts, waits and measures a whole widget.
  this.timeout(20000);

  before(() => {
    document.body.style.margin = '0';
  });
  after(async () => {
    document.documentElement.style.fontSize = '';
    await setViewport({ width: 800, height: 600 });
  });

  it('has states for every portal widget, the console and each console section', () => {
    const covered = new Set(WIDGET_STATES.map((state) => state.widget));
    expect(ELEMENTS_TO_COVER.filter((tag) => !covered.has(tag)), 'elements with no state in test/visual/*-states.ts').to.deep.equal([]);
  });

  describe('on a phone 320 px wide', () => {
    before(() => setViewport({ width: 320, height: 640 }));
    for (const state of WIDGET_STATES) it(`<${state.widget}> ${state.state}`, () => checkFits(state, 320));
  });

  describe('with text at 200 % in a 640 px column (a 1280 px window zoomed to 200 %)', () => {
    before(async () => {
      await setViewport({ width: 1280, height: 800 });
      document.documentElement.style.fontSize = '200%';
    });
    after(() => {
      document.documentElement.style.fontSize = '';
    });
    for (const state of WIDGET_STATES) it(`<${state.widget}> ${state.state}`, () => checkFits(state, 640));
  });
});
