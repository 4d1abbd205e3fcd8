import { css } from 'lit';

/** `<admin-users>`' own rules; the panel, buttons and inputs come from `panelStyles`. */
export const usersStyles = css`
  :host {
    --portal-users-gap: calc(var(--portal-space, 0.5rem) * 1.5);
  }
  [part='base'] {
    gap: var(--portal-users-gap);
  }
  .title {
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  .intro,
  .hint {
    color: var(--portal-color-muted);
  }
  [part~='announcement'].announcement {
    color: var(--portal-color-on-surface);
    border-inline-start: 4px solid var(--portal-color-primary);
    padding: calc(var(--portal-space) / 2) var(--portal-space);
    font-weight: 600;
  }
  [part~='filters'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: var(--portal-space);
  }
  .account-filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--portal-space);
  }
  [part~='selection'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--portal-space) calc(var(--portal-space) * 2);
    border-block: 1px solid var(--portal-color-border);
    padding-block: var(--portal-space);
  }
  [part~='selection'] .hint {
    flex-basis: 100%;
    font-size: 0.9375rem;
  }
  label.check {
    display: inline-flex;
    align-items: center;
    gap: var(--portal-space);
    min-height: 2.75rem;
    font-weight: 600;
  }
  label.check input {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    margin: 0;
    accent-color: var(--portal-color-primary);
  }
  [part~='list'] {
    list-style: none;
    display: grid;
    gap: var(--portal-space);
  }
  [part~='user'] {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  [part~='user'][data-status='disabled'] {
    border-style: dashed;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
    min-width: 0;
  }
  .head h3 {
    font-size: 1rem;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .head h3:focus {
    outline: none;
  }
  .head h3:focus-visible {
    outline: 3px solid var(--portal-color-focus);
  }
  [part~='badge'] {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 var(--portal-space);
    font-size: 0.875rem;
    font-weight: 600;
  }
  [part~='badge'].active {
    color: var(--portal-color-link);
  }
  [part~='badge'].pending {
    color: var(--portal-color-on-surface);
    border-style: dashed;
  }
  [part~='badge'].disabled {
    color: var(--portal-color-muted);
  }
  [part~='facts'] {
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
    gap: calc(var(--portal-space) / 2) calc(var(--portal-space) * 2);
    font-size: 0.9375rem;
  }
  [part~='facts'] .access {
    grid-column: 1 / -1;
  }
  [part~='facts'] dt {
    color: var(--portal-color-muted);
  }
  [part~='facts'] dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  [part~='facts'] dd ul {
    list-style: none;
  }
  .danger.primary {
    color: var(--portal-color-danger-surface);
    background: var(--portal-color-danger);
  }
  .danger.secondary {
    color: var(--portal-color-danger);
  }
  [part~='confirm'] {
    display: grid;
    gap: var(--portal-space);
    border-inline-start: 4px solid var(--portal-color-danger);
    padding-inline-start: var(--portal-space);
  }
  button[aria-disabled='true'] {
    cursor: progress;
  }
  [part~='empty'] {
    display: grid;
    gap: var(--portal-space);
  }
  admin-users-import:not([hidden]) {
    display: block;
  }
`;
