import { css } from 'lit';
import { busyButtonStyles, factStyles, fieldErrorStyles, introHintStyles, listRegionStyles } from '../shared/section-styles.ts';

/**
 * `<admin-inbox>` and `<admin-inbox-request>`: filters that wrap, the requests as cards (one column on a phone),
 * the conversation, and the action forms. Goes after `panelStyles`.
 */
export const inboxStyles = css`
  :host {
    --portal-inbox-gap: calc(var(--portal-space) * 1.5);
    display: block;
    min-width: 0;
  }
  [part='base'],
  [part~='request'] {
    display: grid;
    gap: var(--portal-inbox-gap);
    min-width: 0;
  }
  ${introHintStyles}
  [part~='announcement'] {
    font-weight: 600;
    margin: 0;
  }
  [part~='announcement']:empty {
    display: none;
  }
  [part~='filters'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    gap: var(--portal-space);
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  ${listRegionStyles}
  [part~='row'],
  [part~='message'],
  form {
    min-width: 0;
  }
  [part~='row'] {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  [part~='row'] h3 {
    font-size: 1rem;
  }
  [part~='open'] {
    text-align: start;
    font-weight: 600;
    min-height: 2.75rem;
    overflow-wrap: anywhere;
  }
  .request-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
  }
  .request-head h3 {
    overflow-wrap: anywhere;
  }
  .request-head h3:focus {
    outline: none;
  }
  [part~='badge'][data-status='open'] {
    color: var(--portal-color-on-primary);
    background: var(--portal-color-primary);
    border-color: var(--portal-color-primary);
  }
  [part~='badge'][data-status='closed'] {
    color: var(--portal-color-muted);
  }
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10rem), 1fr));
    gap: calc(var(--portal-space) / 2) calc(var(--portal-space) * 2);
  }
  ${factStyles}
  .conversation,
  .attachments {
    display: grid;
    gap: var(--portal-space);
  }
  [part~='messages'],
  [part~='attachments'] {
    list-style: none;
    display: grid;
    gap: var(--portal-space);
  }
  [part~='message'] {
    border-inline-start: 3px solid var(--portal-color-border);
    padding-inline-start: var(--portal-space);
    overflow-wrap: anywhere;
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  [part~='message'][data-author='business'] {
    border-inline-start-color: var(--portal-color-primary);
  }
  .message-head {
    color: var(--portal-color-muted);
    font-size: 0.9375rem;
  }
  .message-head strong {
    color: var(--portal-color-on-surface);
  }
  .message-body {
    white-space: pre-wrap;
  }
  .file-name {
    overflow-wrap: anywhere;
  }
  [part~='actions-panel'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    align-items: start;
    gap: var(--portal-inbox-gap);
  }
  [part~='reply'] {
    grid-column: 1 / -1;
  }
  form {
    display: grid;
    gap: var(--portal-space);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 1.5);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--portal-space) / 2);
    min-width: 0;
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  label.choice {
    display: flex;
    align-items: center;
    gap: var(--portal-space);
    font-weight: 400;
    min-height: 2.75rem;
  }
  label.choice input {
    width: 1.25rem;
    min-height: 1.25rem;
    margin: 0;
  }
  .other {
    display: grid;
    gap: calc(var(--portal-space) / 2);
    padding-inline-start: calc(var(--portal-space) * 3);
  }
  ${fieldErrorStyles}
  [aria-invalid='true'] {
    border-color: var(--portal-color-danger);
  }
  ${busyButtonStyles}
  [part~='back'] {
    min-height: 2.75rem;
  }
`;
