import { css } from 'lit';

export const documentsStyles = css`
  :host {
    display: block;
    --portal-documents-gap: calc(var(--portal-space) * 1.5);
    --portal-documents-expired-color: var(--portal-color-danger);
    --portal-documents-category-background: color-mix(in srgb, var(--portal-color-primary) 10%, var(--portal-color-surface));
  }
  [part='base'] {
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 2);
    display: grid;
    gap: var(--portal-documents-gap);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  h2,
  h3 {
    margin: 0;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1rem;
    line-height: 1.35;
  }
  p {
    margin: 0;
    line-height: 1.45;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--portal-space);
  }
  [part~='document'] {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: calc(var(--portal-space) / 2);
    min-width: 0;
  }
  [part~='document'][data-expired='true'] {
    border-inline-start: 4px solid var(--portal-documents-expired-color);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
    color: var(--portal-color-muted);
    font-size: 0.9375rem;
  }
  [part~='category'] {
    color: var(--portal-color-on-surface);
    background: var(--portal-documents-category-background);
    border-radius: var(--portal-radius);
    padding: 0 calc(var(--portal-space) / 2);
    font-weight: 600;
  }
  [part~='badge'] {
    display: inline-block;
    border-radius: 999px;
    padding: 0 var(--portal-space);
    font-size: 0.875rem;
    font-weight: 600;
    border: 1px solid currentColor;
    color: var(--portal-color-on-surface);
  }
  [part~='badge'][data-state='expired'] {
    color: var(--portal-documents-expired-color);
  }
  [part~='badge'][data-state='rectified'] {
    border-style: dashed;
  }
  [part~='file'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
  }
  form,
  fieldset {
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  [part~='filters'] {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
    align-items: end;
  }
  .fields {
    /* Inside <details> it would inherit content-box from the browser's own slot, and its inputs overflow. */
    box-sizing: border-box;
    display: grid;
    gap: var(--portal-space);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    padding-top: var(--portal-space);
  }
  summary {
    list-style: none;
    cursor: pointer;
    font-weight: 600;
    color: var(--portal-color-link);
    min-height: 2.75rem;
    display: flex;
    align-items: center;
    gap: calc(var(--portal-space) / 2);
  }
  summary::-webkit-details-marker {
    display: none;
  }
  summary::before {
    content: '▸' / '';
  }
  [part~='period'][open] summary::before {
    content: '▾' / '';
  }
  .wide {
    grid-column: 1 / -1;
  }
  fieldset {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    align-items: end;
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    margin: 0;
    padding: var(--portal-space) calc(var(--portal-space) * 1.5) calc(var(--portal-space) * 1.5);
  }
  label,
  legend {
    font-weight: 600;
  }
  label,
  [part~='search'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--portal-space) / 2);
    min-width: 0;
  }
  details {
    min-width: 0;
  }
  label.choice {
    display: flex;
    align-items: center;
    gap: var(--portal-space);
    font-weight: normal;
    min-height: 2.75rem;
  }
  label.choice input {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    accent-color: var(--portal-color-primary);
  }
  .search-row {
    display: flex;
    gap: var(--portal-space);
  }
  .search-row input {
    flex: 1 1 auto;
    min-width: 0;
  }
  .search-row button {
    flex: none;
    overflow-wrap: normal;
  }
  input,
  select {
    font: inherit;
    color: var(--portal-color-on-surface);
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space);
    min-height: 2.75rem;
    width: 100%;
    min-width: 0;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    border-radius: var(--portal-radius);
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    cursor: progress;
  }
  .secondary {
    color: var(--portal-color-link);
    background: none;
    border: 1px solid var(--portal-color-border);
    padding: 0 calc(var(--portal-space) * 2);
  }
  [part~='download'] {
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portal-space);
  }
  [part~='empty'] {
    display: grid;
    gap: var(--portal-space);
  }
  .hints {
    list-style: disc;
    padding-inline-start: 1.25rem;
    gap: calc(var(--portal-space) / 2);
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
  [part~='status'],
  [part~='count'] {
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
