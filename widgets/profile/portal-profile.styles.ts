import { css } from 'lit';

/** The profile widget's own rules; the panel, controls, buttons and boxes come from `panelStyles`. */
export const profileStyles = css`
  :host {
    --portal-profile-gap: calc(var(--portal-space) * 1.5);
    --portal-profile-banner-color: var(--portal-color-primary);
    --portal-profile-pending-color: var(--portal-color-muted);
    --portal-profile-column: 11rem;
  }
  [part='base'] {
    gap: var(--portal-profile-gap);
    overflow-wrap: anywhere;
  }
  header,
  section,
  form,
  [part~='field'],
  [part~='privacy-sent'] {
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  header {
    gap: calc(var(--portal-space) / 2);
  }
  [part~='form'],
  [part~='my-data'] {
    gap: var(--portal-profile-gap);
  }
  [part~='field'] {
    gap: calc(var(--portal-space) / 2);
  }
  fieldset {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    margin: 0;
    padding: var(--portal-space) calc(var(--portal-space) * 1.5) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: var(--portal-profile-gap);
    min-width: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 calc(var(--portal-space) / 2);
  }
  label,
  .label {
    font-weight: 600;
  }
  /* A field's label names its input by \`for\`: its words and the required mark flow as one line. */
  label[for] {
    display: block;
  }
  input,
  select,
  textarea {
    min-width: 0;
  }
  textarea {
    resize: vertical;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--portal-color-danger);
    border-width: 2px;
  }
  .required {
    color: var(--portal-color-danger);
    margin-inline-start: 0.125rem;
  }
  .hint,
  [part~='mode-note'] {
    color: var(--portal-color-muted);
    font-size: 0.9375rem;
  }
  [part~='value'] {
    padding: calc(var(--portal-space) / 2) 0;
  }
  [part~='pending'] {
    border-inline-start: 4px solid var(--portal-profile-pending-color);
    padding-inline-start: var(--portal-space);
    font-size: 0.9375rem;
  }
  [part~='problem'] {
    color: var(--portal-color-danger);
    font-weight: 600;
  }
  .with-unit {
    display: flex;
    align-items: center;
    gap: calc(var(--portal-space) / 2);
  }
  .unit {
    font-weight: 600;
  }
  .address-parts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--portal-profile-column)), 1fr));
    gap: var(--portal-space);
    /* Inputs line up when a neighbour's label takes two lines. */
    align-items: end;
  }
  [data-part='street'] {
    grid-column: 1 / -1;
  }
  [part~='confirm-banner'] {
    border: 1px solid var(--portal-color-border);
    border-inline-start: 6px solid var(--portal-profile-banner-color);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
  }
  [part~='problems'] {
    color: var(--portal-color-danger);
    background: var(--portal-color-danger-surface);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  [part~='problems'] ul {
    list-style: none;
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  [part~='problems'] .link {
    color: inherit;
    min-height: 1.75rem;
    text-align: start;
  }
  [part~='saved'],
  [part~='privacy-sent'] {
    border: 1px solid var(--portal-color-border);
    border-inline-start: 4px solid var(--portal-color-primary);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
  }
  [part~='confirmed'] {
    color: var(--portal-color-muted);
  }
  [part~='link-notice'],
  [part~='privacy-form'] {
    border: 1px dashed var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--portal-space);
    font-weight: 400;
    min-height: 2.75rem;
  }
  .choice input {
    width: 1.25rem;
    min-height: 1.25rem;
    margin: 0;
    accent-color: var(--portal-color-primary);
  }
  button[aria-disabled='true'] {
    cursor: progress;
  }
`;
