import { css } from 'lit';

/** The billing widget's own rules; the panel, controls, buttons and boxes come from `panelStyles`. */
export const billingStyles = css`
  :host {
    --portal-billing-gap: calc(var(--portal-space) * 1.5);
    --portal-billing-overdue-color: var(--portal-color-danger);
  }
  [part='base'] {
    gap: var(--portal-billing-gap);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: end;
    gap: var(--portal-space);
  }
  section,
  [part~='summary'],
  [part~='methods'],
  [part~='panel'],
  [part~='options'],
  .code-block {
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  [part~='panel'] {
    gap: var(--portal-billing-gap);
  }
  [part~='panel'][hidden],
  [part~='options'][hidden] {
    display: none;
  }
  ul {
    list-style: none;
    display: grid;
    gap: var(--portal-space);
  }
  [part~='total'],
  [part~='charge'],
  [part~='document'] {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: calc(var(--portal-space) / 2);
    min-width: 0;
  }
  [part~='charge'][data-status='overdue'] {
    border-inline-start: 4px solid var(--portal-billing-overdue-color);
  }
  .overdue {
    color: var(--portal-billing-overdue-color);
  }
  .charge-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
    overflow-wrap: anywhere;
  }
  .amount {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  [part~='badge'][data-status='overdue'] {
    color: var(--portal-billing-overdue-color);
  }
  [part~='badge'][data-status='paid'] {
    color: var(--portal-color-on-primary);
    background: var(--portal-color-primary);
    border-color: var(--portal-color-primary);
  }
  [part~='badge'][data-status='cancelled'],
  [part~='badge'][data-status='renegotiated'] {
    border-style: dashed;
  }
  [part~='kind'] {
    color: var(--portal-color-on-surface);
    border-style: dotted;
  }
  [part~='options'] {
    border-top: 1px solid var(--portal-color-border);
    padding-top: var(--portal-space);
  }
  [part~='code'] {
    display: block;
    font-size: 0.9375rem;
    user-select: all;
    border: 1px dashed var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space);
  }
  .label,
  legend {
    font-weight: 600;
  }
  form,
  fieldset {
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  fieldset {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    margin: 0;
    padding: var(--portal-space) calc(var(--portal-space) * 1.5) calc(var(--portal-space) * 1.5);
  }
  .fields {
    display: grid;
    gap: var(--portal-space);
  }
  [part~='filters'],
  .fields {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
    align-items: end;
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
  button[aria-disabled='true'] {
    cursor: progress;
  }
  .disclosure {
    color: var(--portal-color-link);
    background: none;
    border: 1px solid var(--portal-color-border);
    padding: 0 calc(var(--portal-space) * 2);
    justify-self: start;
  }
  .disclosure::after {
    content: ' ▾' / '';
  }
  .disclosure[aria-expanded='true']::after {
    content: ' ▴' / '';
  }
`;
