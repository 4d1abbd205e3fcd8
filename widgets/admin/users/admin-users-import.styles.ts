import { css } from 'lit';

/** `<admin-users-import>`'s own rules: the columns, the form and the rows' table; the rest comes from `panelStyles`. */
export const importStyles = css`
  :host {
    --portal-users-import-gap: calc(var(--portal-space, 0.5rem) * 1.5);
  }
  [part='base'] {
    gap: var(--portal-users-import-gap);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--portal-space);
  }
  h3:focus,
  h4:focus {
    outline: none;
  }
  h3:focus-visible,
  h4:focus-visible {
    outline: 3px solid var(--portal-color-focus);
  }
  [part~='columns'] {
    margin: 0;
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  [part~='columns'] div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--portal-space);
  }
  [part~='columns'] dt {
    flex: 0 0 9rem;
  }
  [part~='columns'] dd {
    margin: 0;
    flex: 1 1 14rem;
    min-width: 0;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  a {
    color: var(--portal-color-link);
  }
  [part~='form'],
  [part~='preview'],
  [part~='result'] {
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  .hint {
    color: var(--portal-color-muted);
    font-weight: normal;
  }
  textarea {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875rem;
    resize: vertical;
  }
  input[type='file'] {
    min-height: 0;
  }
  .summary {
    font-weight: 600;
    color: var(--portal-color-on-surface);
  }
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9375rem;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: var(--portal-space);
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: calc(var(--portal-space) / 2) var(--portal-space);
    border-top: 1px solid var(--portal-color-border);
  }
  td.email {
    overflow-wrap: anywhere;
    min-width: 10rem;
  }
  tr[data-status='error'] td {
    background: var(--portal-color-danger-surface);
  }
  .outcome.error,
  .missing {
    color: var(--portal-color-danger);
  }
  .outcome.exists {
    color: var(--portal-color-muted);
  }
  button[aria-disabled='true'] {
    cursor: progress;
  }
`;
