/**
 * `<portal-login>` renders into the light DOM (password managers do not see inputs in shadow roots), so its styles
 * go to the document as one constructed stylesheet — allowed under a strict CSP — with zero-specificity selectors,
 * so the host page can restyle anything. Only `--portal-*` tokens, no literal colours.
 */
const css = `
:where(portal-login) { display: block; font-family: var(--portal-font-family); color: var(--portal-color-on-surface); }
:where(portal-login) :where(.pl-panel) { display: block; background: var(--portal-color-surface); border: 1px solid var(--portal-color-border); border-radius: var(--portal-radius); padding: calc(var(--portal-space) * 3); margin-block-start: var(--portal-space); max-width: 28rem; box-sizing: border-box; }
:where(portal-login) :where(h2) { font-size: 1.25rem; margin: 0 0 var(--portal-space); }
:where(portal-login) :where(p) { margin: 0 0 calc(var(--portal-space) * 2); line-height: 1.45; }
:where(portal-login) :where(.pl-help, .pl-hint) { color: var(--portal-color-muted); font-size: 0.9375rem; }
:where(portal-login) :where(form) { display: grid; gap: calc(var(--portal-space) * 2); }
:where(portal-login) :where(.pl-field) { display: grid; gap: calc(var(--portal-space) / 2); }
:where(portal-login) :where(label) { font-weight: 600; }
:where(portal-login) :where(input) { font: inherit; color: var(--portal-color-on-surface); background: var(--portal-color-surface); border: 1px solid var(--portal-color-border); border-radius: var(--portal-radius); min-height: 2.75rem; padding: 0 var(--portal-space); width: 100%; box-sizing: border-box; }
:where(portal-login) :where(input[aria-invalid='true']) { border: 2px solid var(--portal-color-danger); }
:where(portal-login) :where(.pl-field-error) { color: var(--portal-color-danger); font-size: 0.9375rem; }
:where(portal-login) :where(.pl-alert) { color: var(--portal-color-danger); background: var(--portal-color-danger-surface); border-radius: var(--portal-radius); padding: var(--portal-space) calc(var(--portal-space) * 1.5); }
:where(portal-login) :where(.pl-alert:empty) { display: none; }
:where(portal-login) :where(button) { font: inherit; min-height: 2.75rem; border-radius: var(--portal-radius); cursor: pointer; }
:where(portal-login) :where(.pl-primary) { color: var(--portal-color-on-primary); background: var(--portal-color-primary); border: 0; padding: 0 calc(var(--portal-space) * 2.5); font-weight: 600; }
:where(portal-login) :where(.pl-primary[aria-disabled='true']) { opacity: 0.7; cursor: progress; }
:where(portal-login) :where(.pl-link) { color: var(--portal-color-link); background: none; border: 0; padding: 0; text-decoration: underline; text-align: start; min-height: 2.75rem; }
:where(portal-login) :where(.pl-links) { display: grid; justify-items: start; margin-top: var(--portal-space); }
:where(portal-login) :where(.pl-accounts) { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--portal-space); }
:where(portal-login) :where(.pl-account) { width: 100%; text-align: start; background: var(--portal-color-surface); color: var(--portal-color-on-surface); border: 1px solid var(--portal-color-border); padding: var(--portal-space) calc(var(--portal-space) * 1.5); }
:where(portal-login) :where(.pl-status) { display: flex; flex-wrap: wrap; align-items: center; gap: var(--portal-space) calc(var(--portal-space) * 2); }
:where(portal-login) :where(:focus-visible) { outline: 3px solid var(--portal-color-focus); outline-offset: 2px; }
:where(portal-login) :where(.pl-visually-hidden) { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

let installed = false;

/** Adds the widget's stylesheet to the document once. */
export function installLoginStyles(doc: Document = document): void {
  if (installed) return;
  installed = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
