import { css } from 'lit';
import { busyButtonStyles, emptyAnnouncementStyles, factGridStyles, factStyles, listRegionStyles } from '../shared/section-styles.ts';

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
  ${emptyAnnouncementStyles}
  ${listRegionStyles}
  [part~='entry'] {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  ${factGridStyles}
  ${factStyles}
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
  ${busyButtonStyles}
`;
