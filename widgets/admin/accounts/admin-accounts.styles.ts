import { css } from 'lit';

/** `<admin-accounts>`' own layout, after `baseStyles` and `panelStyles`. */
export const accountsStyles = css`
  :host {
    --portal-admin-accounts-gap: calc(var(--portal-space, 0.5rem) * 2);
  }
  [part='base'],
  [part~='detail'],
  [part~='results'],
  section,
  form {
    display: grid;
    gap: var(--portal-admin-accounts-gap);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  [part~='search'] {
    gap: calc(var(--portal-space, 0.5rem) / 2);
  }
  section {
    gap: var(--portal-space, 0.5rem);
    padding-top: var(--portal-admin-accounts-gap);
    border-top: 1px solid var(--portal-color-border);
  }
  .hint,
  .muted {
    color: var(--portal-color-muted);
    font-size: 0.9375rem;
  }
  .accounts,
  .establishments,
  .options {
    list-style: none;
    display: grid;
    gap: var(--portal-space, 0.5rem);
  }
  [part~='account'] article {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius, 8px);
    padding: calc(var(--portal-space, 0.5rem) * 1.5);
    display: grid;
    gap: calc(var(--portal-space, 0.5rem) / 1.5);
  }
  [part~='account'] h3 {
    font-size: 1.0625rem;
  }
  [part~='badge'] {
    color: var(--portal-color-on-surface);
  }
  #account-title:focus {
    outline: none;
  }
  #account-title:focus-visible {
    outline: 3px solid var(--portal-color-focus);
  }
  .establishments li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--portal-space, 0.5rem);
  }
  fieldset {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius, 8px);
    margin: 0;
    padding: var(--portal-space, 0.5rem) calc(var(--portal-space, 0.5rem) * 1.5);
    min-width: 0;
  }
  fieldset.bare {
    border: 0;
    padding: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 calc(var(--portal-space, 0.5rem) / 2);
  }
  .module-choices {
    display: grid;
    gap: var(--portal-space, 0.5rem);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
  }
  label.choice {
    display: flex;
    align-items: center;
    gap: var(--portal-space, 0.5rem);
    min-height: 2.75rem;
    font-weight: normal;
  }
  label.choice input {
    width: 1.5rem;
    height: 1.5rem;
    min-height: 0;
    flex: none;
    margin: 0;
    accent-color: var(--portal-color-primary);
  }
  .option {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius, 8px);
    padding: var(--portal-space, 0.5rem) calc(var(--portal-space, 0.5rem) * 1.5);
    display: grid;
    gap: calc(var(--portal-space, 0.5rem) / 1.5);
  }
  .option-title {
    font-weight: 600;
  }
  .option-now {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--portal-space, 0.5rem) / 2) var(--portal-space, 0.5rem);
  }
  [part~='source'] {
    font-weight: normal;
  }
  .field-error {
    color: var(--portal-color-danger);
    font-weight: 600;
  }
  input[aria-invalid='true'] {
    border-color: var(--portal-color-danger);
    border-width: 2px;
  }
  input:disabled,
  select:disabled {
    opacity: 0.75;
    cursor: not-allowed;
  }
  [part~='saved']:empty {
    display: none;
  }
  [part~='saved'] {
    font-weight: 600;
  }
`;
