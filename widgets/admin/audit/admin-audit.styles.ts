import { css } from 'lit';

/** `<admin-audit>`' rules: the filter fields in a wrapping grid, entries as cards whose facts wrap on a phone. */
export const auditStyles = css`
  :host {
    --portal-audit-gap: calc(var(--portal-space) * 1.5);
  }
  [part='base'] {
    gap: var(--portal-audit-gap);
  }
  [part~='intro'],
  .hint,
  .end {
    color: var(--portal-color-muted);
  }
  .hint {
    font-size: 0.9375rem;
  }
  form {
    display: grid;
    gap: var(--portal-space);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 1.5);
    min-width: 0;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    gap: var(--portal-space) calc(var(--portal-space) * 1.5);
  }
  .field {
    display: grid;
    gap: calc(var(--portal-space) / 2);
    align-content: start;
    min-width: 0;
  }
  label {
    font-weight: 600;
  }
  .field-error {
    color: var(--portal-color-danger);
    font-weight: 600;
  }
  [aria-invalid='true'] {
    border-color: var(--portal-color-danger);
  }
  [part~='announcement'] {
    color: var(--portal-color-muted);
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
  [part~='entry'] {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
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
  [part~='code'],
  [part~='data'] {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875rem;
  }
  summary {
    cursor: pointer;
    min-height: 2.75rem;
    display: flex;
    align-items: center;
    color: var(--portal-color-link);
    font-weight: 600;
  }
  summary::before {
    content: '▸';
    margin-inline-end: var(--portal-space);
  }
  details[open] summary::before {
    content: '▾';
  }
  summary::-webkit-details-marker {
    display: none;
  }
  [part~='data'] {
    margin: 0;
    padding: var(--portal-space);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
`;
