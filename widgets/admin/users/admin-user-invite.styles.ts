import { css } from 'lit';

/** `<admin-user-invite>`'s own rules: the dialog, its fieldsets and choices; the rest comes from `panelStyles`. */
export const inviteStyles = css`
  :host {
    display: inline-block;
  }
  dialog {
    color: var(--portal-color-on-surface);
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 2);
    width: min(36rem, calc(100vw - 1rem));
    max-width: calc(100vw - 1rem);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--portal-space);
  }
  .close {
    min-width: 2.75rem;
    font-size: 1.5rem;
    text-decoration: none;
  }
  form {
    display: grid;
    gap: calc(var(--portal-space) * 2);
    margin-top: calc(var(--portal-space) * 2);
  }
  fieldset {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    margin: 0;
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  fieldset fieldset {
    border-style: dashed;
  }
  legend {
    font-weight: 600;
    padding: 0 calc(var(--portal-space) / 2);
  }
  .search-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--portal-space);
  }
  .search-row label {
    flex: 1 1 14rem;
  }
  label.choice {
    display: flex;
    align-items: flex-start;
    gap: var(--portal-space);
    font-weight: normal;
    min-height: 2.75rem;
    padding-top: calc(var(--portal-space) / 2);
  }
  label.choice input {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    margin: 0.125rem 0 0;
    flex: none;
    accent-color: var(--portal-color-primary);
  }
  .hint {
    color: var(--portal-color-muted);
    font-weight: normal;
  }
  .field-error {
    color: var(--portal-color-danger);
    font-weight: 600;
  }
  [aria-invalid='true'] {
    border-color: var(--portal-color-danger);
    border-width: 2px;
  }
  button[aria-disabled='true'] {
    cursor: progress;
  }
  [part~='error']:focus {
    outline: none;
  }
`;
