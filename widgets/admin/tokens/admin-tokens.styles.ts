import { css } from 'lit';

/**
 * What `<admin-tokens>` and `<admin-team>` share: a list of cards (a heading with a status badge, facts in a `<dl>`
 * that wraps to one column on a phone), forms with hints and field errors, the live announcement, danger buttons.
 * Goes after `panelStyles`.
 */
export const cardListStyles = css`
  [part='base'] {
    gap: var(--portal-section-gap, calc(var(--portal-space) * 1.5));
  }
  [part~='intro'],
  .hint {
    color: var(--portal-color-muted);
  }
  .hint {
    margin: 0;
    font-size: 0.9375rem;
  }
  [part~='announcement'] {
    font-weight: 600;
  }
  /* Out of sight while empty, but never display: none, so it stays a live region that screen readers follow. */
  [part~='announcement']:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
  .list-region {
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  [part~='list'] {
    list-style: none;
    display: grid;
    gap: var(--portal-space);
  }
  [part~='item'] {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  .item-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
  }
  .item-head h3 {
    overflow-wrap: anywhere;
  }
  .item-head h3:focus {
    outline: none;
  }
  [part~='badge'][data-status='expired'],
  [part~='badge'][data-status='disabled'],
  [part~='badge'][data-status='revoked'] {
    color: var(--portal-color-muted);
  }
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
    gap: calc(var(--portal-space) / 2) calc(var(--portal-space) * 2);
  }
  dt {
    color: var(--portal-color-muted);
    font-size: 0.875rem;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  form,
  [part~='confirm'] {
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  form {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 1.5);
  }
  label {
    font-weight: 600;
  }
  .field-error {
    color: var(--portal-color-danger);
    font-weight: 600;
    margin: 0;
  }
  [aria-invalid='true']:not(fieldset) {
    border-color: var(--portal-color-danger);
  }
  .danger.secondary {
    color: var(--portal-color-danger);
    border-color: currentColor;
  }
  .danger.primary {
    color: var(--portal-color-danger-surface);
    background: var(--portal-color-danger);
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
`;

/** `<admin-tokens>`' own rules: the new-token box that must not be missed. */
export const tokensStyles = css`
  :host {
    --portal-tokens-gap: calc(var(--portal-space) * 1.5);
    --portal-tokens-warning-color: var(--portal-color-danger);
    --portal-section-gap: var(--portal-tokens-gap);
  }
  [part~='created'] {
    border: 1px solid var(--portal-color-border);
    border-inline-start: 4px solid var(--portal-tokens-warning-color);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 1.5);
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  [part~='created'] h3:focus {
    outline: none;
  }
  [part~='warning'] strong {
    color: var(--portal-color-danger);
  }
  .copy-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portal-space);
    align-items: center;
  }
  .copy-row input {
    flex: 1 1 14rem;
    width: auto;
    min-width: 0;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  pre[part~='example'] {
    margin: 0;
    padding: var(--portal-space);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    white-space: pre-wrap;
    font-size: 0.875rem;
  }
`;
