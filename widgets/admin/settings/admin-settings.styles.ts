import { css } from 'lit';

/** `<admin-settings>`' own layout, after `baseStyles` and `panelStyles`. */
export const settingsStyles = css`
  :host {
    --portal-admin-settings-gap: calc(var(--portal-space, 0.5rem) * 3);
  }
  [part='base'] {
    gap: var(--portal-admin-settings-gap);
    overflow-wrap: anywhere;
  }
  [part~='group'] {
    display: grid;
    gap: var(--portal-space, 0.5rem);
    padding-top: var(--portal-admin-settings-gap);
    border-top: 1px solid var(--portal-color-border);
    min-width: 0;
  }
  form {
    display: grid;
    gap: calc(var(--portal-space, 0.5rem) * 1.5);
    min-width: 0;
  }
  fieldset {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius, 8px);
    padding: var(--portal-space, 0.5rem) calc(var(--portal-space, 0.5rem) * 1.5) calc(var(--portal-space, 0.5rem) * 1.5);
    margin: 0;
    display: grid;
    gap: var(--portal-space, 0.5rem);
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
  .hint {
    color: var(--portal-color-muted);
    font-size: 0.9375rem;
    margin: 0;
  }
  .field-error {
    color: var(--portal-color-danger);
    font-weight: 600;
    margin: 0;
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
  .switch-row {
    display: grid;
    gap: calc(var(--portal-space, 0.5rem) / 2);
  }
  label.switch,
  label.choice {
    display: flex;
    align-items: center;
    gap: var(--portal-space, 0.5rem);
    min-height: 2.75rem;
  }
  label.choice {
    font-weight: normal;
  }
  label.switch input,
  label.choice input {
    width: 1.5rem;
    height: 1.5rem;
    min-height: 0;
    flex: none;
    margin: 0;
    accent-color: var(--portal-color-primary);
  }
  [part~='saved']:empty {
    display: none;
  }
  [part~='saved'] {
    font-weight: 600;
  }
  .origins {
    list-style: none;
    display: grid;
    gap: var(--portal-space, 0.5rem);
  }
  .origins li {
    display: grid;
    gap: calc(var(--portal-space, 0.5rem) / 2);
  }
  .origin-row {
    display: flex;
    gap: var(--portal-space, 0.5rem);
  }
  .origin-row input {
    flex: 1;
    min-width: 0;
  }
  .branding {
    display: grid;
    gap: calc(var(--portal-space, 0.5rem) * 2);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    align-items: start;
  }
  .logo figure {
    margin: 0;
    display: grid;
    gap: calc(var(--portal-space, 0.5rem) / 2);
    justify-items: start;
  }
  .logo img {
    max-width: 12rem;
    max-height: 4rem;
    object-fit: contain;
  }
  .colour-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portal-space, 0.5rem);
  }
  .colour-row label {
    font-weight: normal;
  }
  .colour-row .picker input {
    width: 4rem;
    padding: 0.25rem;
  }
  .colour-row .code {
    flex: 1;
    min-width: 8rem;
  }
  .preview-panel {
    display: grid;
    gap: var(--portal-space, 0.5rem);
    min-width: 0;
  }
  .preview-portal {
    font-family: var(--portal-font-family);
    color: var(--portal-color-on-surface);
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 2);
    display: grid;
    gap: calc(var(--portal-space) * 1.5);
  }
  .preview-brand {
    display: flex;
    align-items: center;
    gap: var(--portal-space);
    font-weight: 600;
    font-size: 1.125rem;
  }
  .preview-brand img {
    max-height: 2.5rem;
    max-width: 8rem;
    object-fit: contain;
  }
  .preview-card {
    display: grid;
    gap: var(--portal-space);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 1.5);
  }
  .preview-heading {
    font-weight: 700;
    font-size: 1.0625rem;
  }
  .preview-badge {
    display: inline-block;
    border-radius: 999px;
    padding: 0 var(--portal-space);
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--portal-color-on-accent);
    background: var(--portal-color-accent);
  }
  .preview-portal a {
    color: var(--portal-color-link);
  }
  .preview-focus {
    outline: 3px solid var(--portal-color-focus);
    outline-offset: 2px;
  }
  .preview-error {
    color: var(--portal-color-danger);
    background: var(--portal-color-danger-surface);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
  }
  .warning {
    border: 2px solid var(--portal-color-danger);
    border-radius: var(--portal-radius, 8px);
    padding: var(--portal-space, 0.5rem) calc(var(--portal-space, 0.5rem) * 1.5);
    display: grid;
    gap: calc(var(--portal-space, 0.5rem) / 2);
  }
  .warning ul {
    padding-inline-start: 1.25rem;
    display: grid;
    gap: calc(var(--portal-space, 0.5rem) / 2);
  }
  .modules {
    list-style: none;
    display: grid;
    gap: var(--portal-space, 0.5rem);
  }
`;
