/**
 * Registers a custom element unless its tag is already taken, so two copies of the loader (or of a widget
 * chunk) on one page never throw.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
