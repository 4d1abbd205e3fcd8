import { css } from 'lit';

/** `<admin-billing>`' own rules (after `cardListStyles`): its panels, status colours, amounts. */
export const billingStyles = css`
  :host {
    --portal-billing-gap: calc(var(--portal-space) * 1.5);
    --portal-section-gap: var(--portal-billing-gap);
    display: block;
    min-width: 0;
  }
  [part~='panel'],
  .panel {
    display: grid;
    gap: var(--portal-billing-gap);
    min-width: 0;
    padding-top: var(--portal-space);
  }
  [part~='panel'][hidden] {
    display: none;
  }
  .item-head h3:focus,
  [part~='item'] h3:focus {
    outline: none;
  }
  [part~='item'][data-status='overdue'] {
    border-inline-start: 4px solid var(--portal-color-danger);
  }
  [part~='badge'][data-status='overdue'] {
    color: var(--portal-color-danger);
  }
  [part~='badge'][data-status='cancelled'],
  [part~='badge'][data-status='renegotiated'],
  [part~='badge'][data-status='pending'] {
    color: var(--portal-color-muted);
  }
  .amount {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
`;
