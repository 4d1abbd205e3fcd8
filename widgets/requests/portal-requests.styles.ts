import { css } from 'lit';

/** The requests widget's own rules; the panel, controls, buttons and boxes come from `panelStyles`. */
export const requestStyles = css`
  :host {
    --portal-requests-gap: calc(var(--portal-space) * 1.5);
  }
  [part='base'] {
    padding: calc(var(--portal-space) * 2.5);
    gap: var(--portal-requests-gap);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--portal-space);
  }
  ul {
    list-style: none;
    display: grid;
    gap: var(--portal-space);
  }
  [part~='item'] {
    width: 100%;
    text-align: start;
    font: inherit;
    color: inherit;
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: calc(var(--portal-space) / 2);
    cursor: pointer;
  }
  .meta {
    gap: var(--portal-space);
  }
  [part~='badge'][data-status='answered'] {
    color: var(--portal-color-on-primary);
    background: var(--portal-color-primary);
    border-color: var(--portal-color-primary);
  }
  form {
    display: grid;
    gap: var(--portal-requests-gap);
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  [part~='message'] {
    border-inline-start: 3px solid var(--portal-color-border);
    padding-inline-start: var(--portal-space);
    overflow-wrap: anywhere;
  }
  [part~='message'] p {
    white-space: pre-wrap;
  }
  [part~='message'][data-author='business'] {
    border-inline-start-color: var(--portal-color-primary);
  }
  /* Here the error is its message alone (no retry button): a plain block, as it always was. */
  [part~='error'] {
    display: block;
  }
`;
