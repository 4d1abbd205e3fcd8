import { css } from 'lit';
import { tabPanelStyles } from '../shared/section-styles.ts';

/**
 * `<admin-mail>`' and its tabs' own rules, after `panelStyles` and the console's `cardListStyles`: the SMTP note,
 * the choices in a wrapping row, the sandboxed preview frame and the plain text, the delivery status of a test mail.
 */
export const mailStyles = css`
  :host {
    --portal-mail-gap: calc(var(--portal-space) * 1.5);
    --portal-section-gap: var(--portal-mail-gap);
  }
  [part='base'],
  .panel-body,
  [part~='panel'],
  [part~='preview'],
  [part~='form'] {
    display: grid;
    gap: var(--portal-mail-gap);
    min-width: 0;
  }
  ${tabPanelStyles}
  [part~='intro'],
  .hint {
    color: var(--portal-color-muted);
  }
  .note {
    border-inline-start: 4px solid var(--portal-color-primary);
    padding: calc(var(--portal-space) / 2) var(--portal-space);
    margin: 0;
  }
  [part~='tabs'] {
    flex-wrap: wrap;
  }
  h3:focus,
  h4:focus {
    outline: none;
  }
  h5 {
    margin: 0;
    font-size: 1rem;
  }
  [part~='announcement'] {
    font-weight: 600;
    margin: 0;
  }
  [part~='announcement']:empty,
  [part~='delivery']:empty {
    display: none;
  }
  [part~='filters'],
  .chooser {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: var(--portal-space);
    border: 0;
    padding: 0;
  }
  .address {
    overflow-wrap: anywhere;
  }
  .label {
    font-weight: 600;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  [part~='last-error'] {
    color: var(--portal-color-danger);
    margin: 0;
  }
  [part~='badge'][data-status='failed'] {
    color: var(--portal-color-danger);
  }
  [part~='badge'][data-status='pending'] {
    color: var(--portal-color-muted);
  }
  [part~='subject'] {
    overflow-wrap: anywhere;
  }
  [part~='frame'] {
    width: 100%;
    height: var(--portal-mail-preview-height, 32rem);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
  }
  [part~='text'] {
    margin: 0;
    padding: var(--portal-space);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-size: 0.875rem;
    max-height: 24rem;
    overflow: auto;
  }
  [part~='delivery'] {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: var(--portal-space);
  }
  [part~='delivery'] p {
    margin: 0;
  }
  .delivered {
    font-weight: 600;
  }
  .failed {
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
`;
