import { css } from 'lit';

/** The documents widget's own rules; the panel, controls, buttons and boxes come from `panelStyles`. */
export const documentsStyles = css`
  :host {
    --portal-documents-gap: calc(var(--portal-space) * 1.5);
    --portal-documents-expired-color: var(--portal-color-danger);
    --portal-documents-category-background: var(--portal-color-primary-subtle);
  }
  [part='base'] {
    gap: var(--portal-documents-gap);
    overflow-wrap: anywhere;
  }
  h3 {
    font-size: 1rem;
    line-height: 1.35;
  }
  ul {
    list-style: none;
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
    align-items: center;
  }
  [part~='category'] {
    color: var(--portal-color-on-surface);
    background: var(--portal-documents-category-background);
    border-radius: var(--portal-radius);
    padding: 0 calc(var(--portal-space) / 2);
    font-weight: 600;
  }
  [part~='badge'] {
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
  legend {
    font-weight: 600;
  }
  label,
  [part~='search'] {
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
  }
  [part~='search'] {
    display: grid;
    gap: calc(var(--portal-space) / 2);
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
    min-width: 0;
  }
  button[aria-disabled='true'] {
    cursor: progress;
  }
  [part~='download'] {
    font-weight: 600;
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
  [part~='count'] {
    color: var(--portal-color-muted);
  }
`;
