import { css } from 'lit';
import { busyButtonStyles, dangerButtonStyles, factStyles, fieldErrorStyles, introHintStyles } from '../shared/section-styles.ts';

/**
 * `<admin-changes>`: clients as cards holding their changes, before → after side by side (stacked on a phone), the
 * inline approve/refuse form. Goes after `panelStyles`.
 */
export const changesStyles = css`
  :host {
    --portal-changes-gap: calc(var(--portal-space) * 1.5);
    display: block;
    min-width: 0;
  }
  [part='base'] {
    gap: var(--portal-changes-gap);
  }
  ${introHintStyles}
  [part~='announcement'] {
    font-weight: 600;
  }
  [part~='announcement']:empty {
    display: none;
  }
  .filter {
    max-width: 22rem;
  }
  .list-region {
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  [part~='accounts'],
  [part~='changes'] {
    list-style: none;
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  [part~='account'] > .account {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  .account-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
  }
  h3,
  h4,
  h5 {
    overflow-wrap: anywhere;
  }
  h3:focus,
  h4:focus,
  [part~='empty']:focus {
    outline: none;
  }
  h5 {
    margin: 0;
    font-size: 1rem;
  }
  [part~='change'] {
    border-top: 1px solid var(--portal-color-border);
    padding-top: var(--portal-space);
    display: grid;
    gap: calc(var(--portal-space) / 2);
    min-width: 0;
  }
  [part~='values'] {
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: calc(var(--portal-space) / 2) calc(var(--portal-space) * 3);
  }
  [part~='values'] > div {
    min-width: 0;
  }
  /* The arrow from before to after is decoration: its alternative text is empty. */
  [part~='values'] > div + div dt::before {
    content: '→ ' / '';
  }
  ${factStyles}
  [part~='after'] {
    font-weight: 600;
  }
  [part~='reason'] {
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  [part~='decide'] {
    display: grid;
    gap: var(--portal-space);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space);
    min-width: 0;
  }
  textarea {
    resize: vertical;
  }
  ${fieldErrorStyles}
  [aria-invalid='true'] {
    border-color: var(--portal-color-danger);
  }
  ${dangerButtonStyles}
  ${busyButtonStyles}
`;
