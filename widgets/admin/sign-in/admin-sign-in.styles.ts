/**
 * `<admin-sign-in>` renders into the light DOM (password managers do not see inputs in shadow roots), so its styles
 * go to the document as one constructed stylesheet — allowed under a strict CSP — with zero-specificity selectors,
 * so a page can restyle anything. Only `--portal-*` tokens, no literal colours.
 */
const css = `
:where(admin-sign-in) { display: block; font-family: var(--portal-font-family); color: var(--portal-color-on-surface); }
:where(admin-sign-in) :where(.as-panel) { background: var(--portal-color-surface); border: 1px solid var(--portal-color-border); border-radius: var(--portal-radius); padding: calc(var(--portal-space) * 3); max-width: 32rem; margin-inline: auto; box-sizing: border-box; display: grid; gap: calc(var(--portal-space) * 2); }
@media (max-width: 30rem) { :where(admin-sign-in) :where(.as-panel) { padding: calc(var(--portal-space) * 2); } }
:where(admin-sign-in) :where(h2) { font-size: 1.375rem; margin: 0; }
:where(admin-sign-in) :where(h3) { font-size: 1.0625rem; margin: 0; }
:where(admin-sign-in) :where(p) { margin: 0; line-height: 1.45; }
:where(admin-sign-in) :where(.as-help, .as-hint) { color: var(--portal-color-muted); }
:where(admin-sign-in) :where(.as-hint) { font-size: 0.9375rem; }
:where(admin-sign-in) :where(.as-notice) { padding: var(--portal-space) calc(var(--portal-space) * 1.5); border: 1px solid var(--portal-color-border); border-inline-start: 4px solid var(--portal-color-primary); border-radius: var(--portal-radius); }
:where(admin-sign-in) :where(form) { display: grid; gap: calc(var(--portal-space) * 2); }
:where(admin-sign-in) :where(.as-field) { display: grid; gap: calc(var(--portal-space) / 2); }
:where(admin-sign-in) :where(label) { font-weight: 600; }
:where(admin-sign-in) :where(input:not([type='checkbox'])) { font: inherit; color: var(--portal-color-on-surface); background: var(--portal-color-surface); border: 1px solid var(--portal-color-border); border-radius: var(--portal-radius); min-height: 2.75rem; padding: 0 var(--portal-space); width: 100%; box-sizing: border-box; }
:where(admin-sign-in) :where(input[aria-invalid='true']) { border: 2px solid var(--portal-color-danger); }
:where(admin-sign-in) :where(.as-field-error) { color: var(--portal-color-danger); font-size: 0.9375rem; }
:where(admin-sign-in) :where(.as-alert) { color: var(--portal-color-danger); background: var(--portal-color-danger-surface); border-radius: var(--portal-radius); padding: var(--portal-space) calc(var(--portal-space) * 1.5); }
:where(admin-sign-in) :where(.as-alert:empty) { display: none; }
:where(admin-sign-in) :where(button) { font: inherit; min-height: 2.75rem; border-radius: var(--portal-radius); cursor: pointer; }
:where(admin-sign-in) :where(.as-primary) { color: var(--portal-color-on-primary); background: var(--portal-color-primary); border: 0; padding: 0 calc(var(--portal-space) * 2.5); font-weight: 600; justify-self: start; }
:where(admin-sign-in) :where(.as-primary[aria-disabled='true']) { opacity: 0.7; cursor: progress; }
:where(admin-sign-in) :where(.as-secondary) { color: var(--portal-color-link); background: var(--portal-color-surface); border: 1px solid var(--portal-color-border); padding: 0 calc(var(--portal-space) * 2); }
:where(admin-sign-in) :where(.as-link) { color: var(--portal-color-link); background: none; border: 0; padding: 0; text-decoration: underline; text-align: start; }
:where(admin-sign-in) :where(a) { color: var(--portal-color-link); }
:where(admin-sign-in) :where(.as-otpauth) { display: inline-flex; align-items: center; min-height: 2.75rem; }
:where(admin-sign-in) :where(.as-links) { display: grid; justify-items: start; }
:where(admin-sign-in) :where(.as-actions) { display: flex; flex-wrap: wrap; align-items: center; gap: var(--portal-space); }
:where(admin-sign-in) :where(.as-copied) { font-weight: 600; }
:where(admin-sign-in) :where(.as-copied:empty) { display: none; }
:where(admin-sign-in) :where(.as-steps) { margin: 0; padding-inline-start: 1.5rem; display: grid; gap: calc(var(--portal-space) * 2); }
:where(admin-sign-in) :where(.as-steps > li) { display: grid; gap: var(--portal-space); }
:where(admin-sign-in) :where(.as-secret-box) { display: grid; gap: var(--portal-space); }
:where(admin-sign-in) :where(.as-qr) { display: block; max-width: 100%; height: auto; border: 1px solid var(--portal-color-border); border-radius: var(--portal-radius); }
:where(admin-sign-in) :where(.as-secret, .as-codes code) { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 1.0625rem; overflow-wrap: anywhere; }
:where(admin-sign-in) :where(.as-secret) { padding: var(--portal-space); border: 1px dashed var(--portal-color-border); border-radius: var(--portal-radius); letter-spacing: 0.05em; }
:where(admin-sign-in) :where(.as-codes) { list-style: none; margin: 0; padding: var(--portal-space); border: 1px dashed var(--portal-color-border); border-radius: var(--portal-radius); display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); gap: calc(var(--portal-space) / 2) var(--portal-space); }
:where(admin-sign-in) :where(.as-check) { display: grid; grid-template-columns: auto 1fr; align-items: center; gap: var(--portal-space); }
:where(admin-sign-in) :where(.as-check input) { width: 1.5rem; height: 1.5rem; margin: 0; accent-color: var(--portal-color-primary); }
:where(admin-sign-in) :where(.as-check .as-field-error) { grid-column: 1 / -1; }
:where(admin-sign-in) :where(:focus-visible) { outline: 3px solid var(--portal-color-focus); outline-offset: 2px; }
`;

const installed = new WeakSet<Document>();

/** Adds the element's stylesheet to the document once. */
export function installSignInStyles(doc: Document = document): void {
  if (installed.has(doc)) return;
  installed.add(doc);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
