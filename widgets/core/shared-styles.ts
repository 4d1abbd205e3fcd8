import { css } from 'lit';

/**
 * Styles every widget starts from: the tokens' font and colours, a visible focus ring, hidden-but-read text.
 *
 * A page's global rules reach the widget's own element (`* { all: unset }`, `* { color: … }`) and, through
 * inheritance, everything inside it; for a plain declaration on `:host` the page's rule wins. So the text colour
 * and font — drawn on the widget's own surfaces, whose contrast the tokens guarantee — and the text styles that
 * would make it hard to read are declared `!important`, which in a shadow root beats anything outside. The
 * host page changes them through the `--portal-*` tokens, as documented; its layout of the element (display,
 * margins, width) stays its own. Inside, every box is border-box whatever the page's `box-sizing`.
 */
export const baseStyles = css`
  :host {
    font-family: var(--portal-font-family) !important;
    color: var(--portal-color-on-surface) !important;
    font-style: normal !important;
    font-weight: normal !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    white-space: normal !important;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--portal-color-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: no-preference) {
    .pulse {
      animation: portal-pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes portal-pulse {
    to {
      opacity: 0.45;
    }
  }
`;

/**
 * What the panel widgets (requests, billing, the process tracker) look alike in. Goes after `baseStyles` and
 * before the widget's own sheet, which sets its gaps and may override any value here.
 *
 * It gives:
 * - the host as a block, and the panel (`[part='base']`): surface, border, rounded corners, a grid, a padding of
 *   twice the spacing unit. The gap between the parts is the widget's (`--portal-<widget>-gap`), set in its sheet;
 * - headings h2–h4 and paragraphs without margins; lists without margins or padding (the widget says how they lay out);
 * - `.meta`, a wrapping row of secondary facts;
 * - pills: `[part~='badge']`, `[part~='kind']`, `[part~='notice-kind']`, `.state` (a word in a rounded outline);
 * - labels above their control, and inputs, selects and textareas the full width and at least 2.75rem tall;
 * - buttons at least 2.75rem tall, `.primary` (filled), `.secondary` (outlined), `.link` (underlined text), and
 *   `.actions`, a wrapping row of them;
 * - copyable values in a monospace font that may break anywhere (`[part~='code']`, `[part~='reference-value']`),
 *   and the copy confirmation `[part~='copied']`, hidden while empty;
 * - `[part~='error']`, a danger box laying its message and retry button out in a column; `[part~='status']` in
 *   the muted colour; `.loading`, a progress bar beside its words.
 *
 * Tokens: `--portal-space`, `--portal-radius`, `--portal-color-surface`, `--portal-color-on-surface`,
 * `--portal-color-border`, `--portal-color-muted`, `--portal-color-primary`, `--portal-color-on-primary`, `--portal-color-primary-hover`,
 * `--portal-color-link`, `--portal-color-danger`, `--portal-color-danger-surface`.
 */
export const panelStyles = css`
  :host {
    display: block;
  }
  [part='base'] {
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 2);
    display: grid;
    min-width: 0;
  }
  h2,
  h3,
  h4 {
    margin: 0;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.0625rem;
  }
  h4 {
    font-size: 1rem;
  }
  p {
    margin: 0;
    line-height: 1.45;
  }
  ul,
  ol {
    margin: 0;
    padding: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
    color: var(--portal-color-muted);
    font-size: 0.9375rem;
  }
  [part~='badge'],
  [part~='kind'],
  [part~='notice-kind'],
  .state {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 var(--portal-space);
    font-size: 0.875rem;
    font-weight: 600;
  }
  label {
    font-weight: 600;
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--portal-color-on-surface);
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space);
    min-height: 2.75rem;
    width: 100%;
    box-sizing: border-box;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    border-radius: var(--portal-radius);
    cursor: pointer;
  }
  .primary {
    color: var(--portal-color-on-primary);
    background: var(--portal-color-primary);
    border: 0;
    padding: 0 calc(var(--portal-space) * 2);
    font-weight: 600;
  }
  .primary:hover {
    background: var(--portal-color-primary-hover);
  }
  .secondary {
    color: var(--portal-color-link);
    background: none;
    border: 1px solid var(--portal-color-border);
    padding: 0 calc(var(--portal-space) * 2);
  }
  .link {
    color: var(--portal-color-link);
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portal-space);
  }
  [part~='code'],
  [part~='reference-value'] {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  [part~='copied'] {
    align-self: center;
    font-weight: 600;
  }
  [part~='copied']:empty {
    display: none;
  }
  [part~='error'] {
    color: var(--portal-color-danger);
    background: var(--portal-color-danger-surface);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: var(--portal-space);
    justify-items: start;
  }
  [part~='status'] {
    color: var(--portal-color-muted);
  }
  .loading {
    display: flex;
    align-items: center;
    gap: var(--portal-space);
  }
  .loading progress {
    accent-color: var(--portal-color-primary);
    width: 6rem;
  }
`;

/** A row of tabs over panels (`[part~=tabs]` holding `[part~=tab]` buttons), the selected one underlined in the link colour (the brand colour wherever it stands out from the surface). */
export const tabStyles = css`
  [part~='tabs'] {
    display: flex;
    /* Three tabs of long single words (Cobranças, Demonstrativos) do not fit 320 px: the row wraps. */
    flex-wrap: wrap;
    gap: calc(var(--portal-space) / 2);
    border-bottom: 1px solid var(--portal-color-border);
  }
  [part~='tab'] {
    color: var(--portal-color-on-surface);
    background: none;
    border: 0;
    border-bottom: 3px solid transparent;
    border-radius: var(--portal-radius) var(--portal-radius) 0 0;
    padding: 0 var(--portal-space);
    /* On a phone the two tabs share the row, their words wrapping, rather than stack. */
    flex: 0 1 auto;
  }
  [part~='tab'][aria-selected='true'] {
    border-bottom-color: var(--portal-color-link);
    font-weight: 600;
  }
`;
