import { css } from 'lit';
import { busyButtonStyles, dangerButtonStyles, emptyAnnouncementStyles, factGridStyles, factStyles, fieldErrorStyles, introHintStyles, listRegionStyles } from '../shared/section-styles.ts';

/**
 * What `<admin-tokens>` and `<admin-team>` share: a list of cards (a heading with a status badge, facts in a `<dl>`
 * that wraps to one column on a phone), forms with hints and field errors, the live announcement, danger buttons.
 * Goes after `panelStyles`.
 */
export const cardListStyles = css`
  [part='base'] {
    gap: var(--portal-section-gap, calc(var(--portal-space) * 1.5));
  }
  ${introHintStyles}
  [part~='announcement'] {
    font-weight: 600;
  }
  ${emptyAnnouncementStyles}
  ${listRegionStyles}
  [part~='item'] {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  .item-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
  }
  .item-head h3 {
    overflow-wrap: anywhere;
  }
  .item-head h3:focus {
    outline: none;
  }
  [part~='badge'][data-status='expired'],
  [part~='badge'][data-status='disabled'],
  [part~='badge'][data-status='revoked'] {
    color: var(--portal-color-muted);
  }
  ${factGridStyles}
  ${factStyles}
  form,
  [part~='confirm'] {
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  form {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 1.5);
  }
  label {
    font-weight: 600;
  }
  ${fieldErrorStyles}
  [aria-invalid='true']:not(fieldset) {
    border-color: var(--portal-color-danger);
  }
  ${dangerButtonStyles}
  ${busyButtonStyles}
`;

/** `<admin-tokens>`' own rules: the new-token box that must not be missed. */
export const tokensStyles = css`
  :host {
    --portal-tokens-gap: calc(var(--portal-space) * 1.5);
    --portal-tokens-warning-color: var(--portal-color-danger);
    --portal-section-gap: var(--portal-tokens-gap);
  }
  [part~='created'] {
    border: 1px solid var(--portal-color-border);
    border-inline-start: 4px solid var(--portal-tokens-warning-color);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 1.5);
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  [part~='created'] h3:focus {
    outline: none;
  }
  [part~='warning'] strong {
    color: var(--portal-color-danger);
  }
  .copy-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portal-space);
    align-items: center;
  }
  .copy-row input {
    flex: 1 1 14rem;
    width: auto;
    min-width: 0;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  pre[part~='example'] {
    margin: 0;
    padding: var(--portal-space);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    white-space: pre-wrap;
    font-size: 0.875rem;
  }
`;
