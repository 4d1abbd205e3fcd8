import { css } from 'lit';

export const requestStyles = css`
  :host {
    display: block;
    --portal-requests-gap: calc(var(--portal-space) * 1.5);
  }
  [part='base'] {
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 2.5);
    display: grid;
    gap: var(--portal-requests-gap);
  }
  h2 {
    font-size: 1.25rem;
    margin: 0;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--portal-space);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--portal-space);
  }
  [part~='item'] {
    width: 100%;
    text-align: start;
    font: inherit;
    color: inherit;
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: calc(var(--portal-space) / 2);
    cursor: pointer;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portal-space);
    color: var(--portal-color-muted);
    font-size: 0.9375rem;
  }
  [part~='badge'] {
    display: inline-block;
    border-radius: 999px;
    padding: 0 var(--portal-space);
    font-size: 0.875rem;
    font-weight: 600;
    border: 1px solid currentColor;
  }
  [part~='badge'][data-status='answered'] {
    color: var(--portal-color-on-primary);
    background: var(--portal-color-primary);
    border-color: var(--portal-color-primary);
  }
  form {
    display: grid;
    gap: var(--portal-requests-gap);
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
  textarea {
    min-height: 7rem;
    resize: vertical;
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
  .secondary {
    color: var(--portal-color-link);
    background: none;
    border: 1px solid var(--portal-color-border);
    padding: 0 calc(var(--portal-space) * 2);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portal-space);
  }
  [part~='message'] {
    border-inline-start: 3px solid var(--portal-color-border);
    padding-inline-start: var(--portal-space);
    overflow-wrap: anywhere;
  }
  [part~='message'] p {
    white-space: pre-wrap;
  }
  [part~='message'][data-author='business'] {
    border-inline-start-color: var(--portal-color-primary);
  }
  [part='error'] {
    color: var(--portal-color-danger);
    background: var(--portal-color-danger-surface);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
  }
  [part='status'] {
    color: var(--portal-color-muted);
  }
  p {
    margin: 0;
    line-height: 1.45;
  }
`;
