import { css } from 'lit';
import { tabPanelStyles } from '../shared/section-styles.ts';

/**
 * `<admin-appointments>`' and its tabs' own rules, after `panelStyles` and the console's `cardListStyles`: filters
 * that wrap into one column on a phone, radio choices in a row, pairs of date and time, a week as a two-column list.
 */
export const appointmentsStyles = css`
  :host {
    --portal-appointments-gap: calc(var(--portal-space) * 1.5);
    --portal-section-gap: var(--portal-appointments-gap);
  }
  [part='base'],
  .panel-body,
  .group,
  [part~='panel'] {
    display: grid;
    gap: var(--portal-appointments-gap);
    min-width: 0;
  }
  ${tabPanelStyles}
  [part~='intro'],
  [part~='zone'],
  [part~='range'],
  .hint,
  .count {
    color: var(--portal-color-muted);
  }
  .count {
    font-weight: 400;
    font-size: 0.9375rem;
  }
  h3:focus,
  h4:focus,
  h5:focus,
  .when:focus {
    outline: none;
  }
  h5 {
    margin: 0;
    font-size: 1rem;
  }
  [part~='tabs'] {
    flex-wrap: wrap;
  }
  [part~='announcement'] {
    font-weight: 600;
    margin: 0;
  }
  [part~='announcement']:empty {
    display: none;
  }
  [part~='filters'],
  form.range {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
    gap: var(--portal-space);
    align-items: end;
    border: 0;
    padding: 0;
  }
  [part~='filters'] .stepper,
  [part~='filters'] .account-filter {
    grid-column: 1 / -1;
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
  .choice {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--portal-space) / 2) calc(var(--portal-space) * 1.5);
  }
  .choice legend {
    width: 100%;
  }
  label.check {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--portal-space) / 2);
    font-weight: 400;
    min-height: 2.75rem;
  }
  label.check input {
    width: auto;
    min-height: 0;
    margin: 0;
  }
  .pair,
  .rule-row {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
    gap: var(--portal-space);
    align-items: end;
  }
  .pair > label,
  .rule-row > label,
  [part~='filters'] > label,
  form.range > label {
    min-width: 0;
  }
  .pair legend,
  .wide,
  .pair .field-error {
    grid-column: 1 / -1;
  }
  .weekday {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space);
    display: grid;
    gap: var(--portal-space);
  }
  .weekday legend {
    padding: 0 calc(var(--portal-space) / 2);
    margin: 0;
  }
  .label {
    font-weight: 600;
  }
  [part~='times'] {
    list-style: none;
    display: grid;
    gap: calc(var(--portal-space) / 4);
  }
  .note {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .when {
    font-weight: 600;
    font-size: 1.0625rem;
    margin: 0;
  }
  [part~='badge'][data-status='cancelled'],
  [part~='badge'][data-status='inactive'] {
    color: var(--portal-color-muted);
  }
  [part~='booking'][data-status='cancelled'] .when {
    text-decoration: line-through;
  }
  [part~='day'] {
    display: grid;
    gap: var(--portal-space);
  }
  [part~='week'] {
    grid-template-columns: minmax(6rem, max-content) 1fr;
  }
  [part~='week'] > div {
    display: contents;
  }
  [part~='week'] .closed dd {
    color: var(--portal-color-muted);
  }
  [part~='week'] dt {
    font-size: 1rem;
    color: var(--portal-color-on-surface);
    font-weight: 600;
  }
  [part~='free-slots'] ul {
    list-style: none;
  }
  textarea {
    resize: vertical;
  }
`;
