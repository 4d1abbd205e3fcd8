import { css } from 'lit';

/** The feedback button and dialog; buttons, labels and fields come from `panelStyles`. */
export const feedbackStyles = css`
  :host {
    display: inline-block;
    --portal-feedback-star-color: var(--portal-color-link);
    --portal-feedback-button-background: var(--portal-color-surface);
  }
  :host([floating]) {
    position: fixed;
    inset-block-end: calc(var(--portal-space) * 2);
    inset-inline-end: calc(var(--portal-space) * 2);
    z-index: var(--portal-feedback-z-index, 10);
  }
  [part~='button'] {
    color: var(--portal-color-link);
    background: var(--portal-feedback-button-background);
    border: 1px solid var(--portal-color-border);
    border-radius: 999px;
    padding: 0 calc(var(--portal-space) * 1.5);
    font-size: 0.9375rem;
  }
  dialog {
    color: var(--portal-color-on-surface);
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 2);
    width: min(28rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    font-family: var(--portal-font-family);
  }
  dialog::backdrop {
    background: color-mix(in srgb, var(--portal-color-on-surface) 45%, transparent);
  }
  .content,
  form {
    display: grid;
    gap: calc(var(--portal-space) * 1.5);
  }
  .head {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--portal-space);
  }
  [part~='close'] {
    min-width: 2.75rem;
    font-size: 1.5rem;
    line-height: 1;
    text-decoration: none;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: calc(var(--portal-space) / 2);
  }
  [part~='stars'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--portal-space) / 2);
  }
  .star {
    position: relative;
    display: inline-grid;
    place-items: center;
    min-width: 2.75rem;
    min-height: 2.75rem;
    font-size: 1.75rem;
    line-height: 1;
    cursor: pointer;
    color: var(--portal-color-muted);
    border-radius: var(--portal-radius);
  }
  .star[data-on] {
    color: var(--portal-feedback-star-color);
  }
  .star input {
    min-height: 0;
    padding: 0;
  }
  .star:has(input:focus-visible) {
    outline: 3px solid var(--portal-color-focus);
    outline-offset: 2px;
  }
  textarea {
    resize: vertical;
  }
  .hint {
    font-weight: normal;
    color: var(--portal-color-muted);
    font-size: 0.9375rem;
  }
  [part~='thanks'] {
    font-weight: 600;
  }
`;
