import { css } from 'lit';
import { tabPanelStyles } from '../shared/section-styles.ts';

/**
 * `<admin-content>`' and its tabs' own rules, after `panelStyles` and the console's `cardListStyles`: fields and
 * pairs of fields that stack on a phone, choices, thumbnails, materials grouped by topic, and the feedback's bars.
 */
export const contentStyles = css`
  :host {
    --portal-content-gap: calc(var(--portal-space) * 1.5);
    --portal-section-gap: var(--portal-content-gap);
  }
  [part='base'],
  .panel-body,
  [part~='panel'],
  .topics,
  [part~='topic'] {
    display: grid;
    gap: var(--portal-content-gap);
    min-width: 0;
  }
  ${tabPanelStyles}
  [part~='tabs'] {
    flex-wrap: wrap;
  }
  [part~='intro'],
  .hint {
    color: var(--portal-color-muted);
  }
  .note {
    border-inline-start: 4px solid var(--portal-color-primary);
    padding: calc(var(--portal-space) / 2) var(--portal-space);
  }
  h3:focus,
  h4:focus,
  h5:focus {
    outline: none;
  }
  h5 {
    margin: 0;
    font-size: 1rem;
    overflow-wrap: anywhere;
  }
  .item-head h4 {
    overflow-wrap: anywhere;
  }
  .field,
  fieldset {
    display: grid;
    gap: calc(var(--portal-space) / 2);
    min-width: 0;
  }
  fieldset {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space);
    margin: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 calc(var(--portal-space) / 2);
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: var(--portal-space);
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
    min-height: 1.25rem;
    margin: 0;
    flex: none;
  }
  textarea {
    resize: vertical;
  }
  form[part~='form'] {
    gap: calc(var(--portal-space) * 1.25);
  }
  .search-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
    align-items: end;
  }
  .search-row label {
    grid-column: 1 / -1;
  }
  .key-fixed .label,
  .label {
    font-weight: 600;
  }
  [part~='progress'] {
    font-weight: 600;
  }
  [part~='progress']:empty {
    display: none;
  }
  .item-body {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portal-space);
    align-items: flex-start;
  }
  .item-body p {
    flex: 1 1 12rem;
    overflow-wrap: anywhere;
  }
  [part~='thumbnail'] {
    width: var(--portal-content-thumbnail-width, 8rem);
    max-width: 100%;
    height: auto;
    border-radius: var(--portal-radius);
    border: 1px solid var(--portal-color-border);
  }
  .items {
    list-style: none;
    display: grid;
    gap: var(--portal-space);
  }
  [part~='filters'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
    gap: var(--portal-space);
    align-items: end;
    border: 0;
    padding: 0;
  }
  [part~='totals'] dd {
    font-size: 1.125rem;
    font-weight: 600;
  }
  .stars {
    color: var(--portal-color-link);
    margin-inline-start: calc(var(--portal-space) / 2);
    letter-spacing: 0.1em;
  }
  [part~='distribution'],
  [part~='comments'] {
    list-style: none;
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  /* The ratings share their columns, so the bars start and end alike. */
  [part~='distribution'] {
    grid-template-columns: auto minmax(3rem, 1fr) auto;
    column-gap: var(--portal-space);
  }
  [part~='rating'] {
    grid-column: 1 / -1;
    display: grid;
    grid-template-columns: subgrid;
    align-items: center;
  }
  .rating-value {
    text-align: end;
  }
  .bar {
    display: block;
    height: 0.75rem;
    border-radius: 999px;
    background: var(--portal-color-border);
    overflow: hidden;
  }
  .fill {
    display: block;
    height: 100%;
    background: var(--portal-color-primary);
  }
  [part~='comment'] {
    border-inline-start: 3px solid var(--portal-color-border);
    padding: calc(var(--portal-space) / 2) var(--portal-space);
    display: grid;
    gap: calc(var(--portal-space) / 4);
  }
  [part~='comment']:focus {
    outline-offset: 0;
  }
  .comment-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
