import { css } from 'lit';

/** The appointments widget's own rules; the panel, controls, buttons and boxes come from `panelStyles`. */
export const appointmentsStyles = css`
  :host {
    --portal-appointments-gap: calc(var(--portal-space) * 1.5);
    --portal-appointments-day-size: 2.75rem;
    --portal-appointments-free-color: var(--portal-color-link);
    --portal-appointments-selected-background: var(--portal-color-primary);
    --portal-appointments-selected-color: var(--portal-color-on-primary);
  }
  [part='base'] {
    gap: var(--portal-appointments-gap);
    overflow-wrap: anywhere;
  }
  header,
  section,
  form,
  fieldset,
  [part~='calendar'],
  [part~='unavailable'],
  [part~='off'],
  [part~='sent'],
  [part~='panel'] {
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  section[part~='appointments'],
  section[part~='booking'] {
    gap: var(--portal-appointments-gap);
  }
  [part~='panel'][hidden] {
    display: none;
  }
  header {
    gap: calc(var(--portal-space) / 2);
  }
  [part~='choice'] {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    align-items: end;
  }
  .provider-only {
    min-height: 2.75rem;
    display: flex;
    align-items: center;
  }
  .hint {
    color: var(--portal-color-muted);
  }
  .hint:empty {
    display: none;
  }

  /* The month: a bar with its name between the arrows, then the grid of days. */
  .month-bar {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--portal-space);
  }
  [part~='month'] {
    text-align: center;
  }
  /* "novembro de 2026" → "Novembro de 2026" (capitalize would write "De"). */
  [part~='month']::first-letter,
  th::first-letter {
    text-transform: uppercase;
  }
  [part~='month-button'] {
    min-width: 2.75rem;
    padding: 0;
    font-size: 1.25rem;
    line-height: 1;
  }
  [part~='month-button']:disabled {
    color: var(--portal-color-muted);
    border-style: dashed;
    cursor: default;
  }
  table {
    width: 100%;
    table-layout: fixed;
    border-collapse: separate;
    border-spacing: 2px;
  }
  th {
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--portal-color-muted);
    padding-bottom: calc(var(--portal-space) / 2);
    white-space: nowrap;
    overflow: hidden;
  }
  td {
    height: var(--portal-appointments-day-size);
    padding: 0;
    text-align: center;
    vertical-align: middle;
    border-radius: var(--portal-radius);
    position: relative;
    font-variant-numeric: tabular-nums;
  }
  td[data-date] {
    cursor: pointer;
  }
  td[aria-disabled='true'] {
    color: var(--portal-color-muted);
    cursor: default;
  }
  td[data-free='true'] {
    font-weight: 700;
  }
  td[data-free='true']:hover {
    background: var(--portal-color-primary-subtle);
  }
  /* A day with free times carries a dot: a shape, not only a colour. */
  td[data-free='true']::after {
    content: '';
    position: absolute;
    bottom: 0.3rem;
    left: 50%;
    width: 0.375rem;
    height: 0.375rem;
    margin-left: -0.1875rem;
    border-radius: 50%;
    background: var(--portal-appointments-free-color);
  }
  td[aria-current='date'] {
    box-shadow: inset 0 0 0 1px var(--portal-color-border);
  }
  td[aria-selected='true'] {
    color: var(--portal-appointments-selected-color);
    background: var(--portal-appointments-selected-background);
  }
  td[aria-selected='true']::after {
    background: var(--portal-appointments-selected-color);
  }
  table[aria-busy='true'] td[data-date] {
    opacity: 0.6;
  }

  .time-list {
    list-style: none;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(5.5rem, 1fr));
    gap: calc(var(--portal-space) / 2);
  }
  [part~='time'] {
    width: 100%;
    padding: 0 calc(var(--portal-space) / 2);
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  [part~='notice'] {
    font-weight: 600;
    border-inline-start: 4px solid var(--portal-color-danger);
    padding-inline-start: var(--portal-space);
  }
  [part~='unavailable'],
  [part~='off'] {
    border: 1px dashed var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
  }
  [part~='contact'] {
    overflow-wrap: anywhere;
  }
  [part~='confirm'],
  [part~='booked'],
  [part~='sent'] {
    border: 1px solid var(--portal-color-border);
    border-inline-start: 4px solid var(--portal-color-primary);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
  }

  ul {
    list-style: none;
    display: grid;
    gap: var(--portal-space);
  }
  [part~='appointment'],
  [part~='proposal'] {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: calc(var(--portal-space) / 2);
    min-width: 0;
  }
  [part~='appointment'][data-status='cancelled'] [part~='service'] {
    text-decoration: line-through;
  }
  [part~='badge'][data-status='booked'],
  [part~='badge'][data-status='confirmed'] {
    color: var(--portal-color-on-primary);
    background: var(--portal-color-primary);
    border-color: var(--portal-color-primary);
  }
  [part~='badge'][data-status='cancelled'],
  [part~='badge'][data-status='refused'] {
    border-style: dashed;
  }
  .proposed {
    gap: 0;
    padding-inline-start: 1.25rem;
    list-style: disc;
  }
  .proposed-label {
    font-weight: 600;
  }


  fieldset {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    margin: 0;
    padding: var(--portal-space) calc(var(--portal-space) * 1.5) calc(var(--portal-space) * 1.5);
  }
  legend {
    font-weight: 600;
  }
  .choice-row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
    align-items: end;
  }
  .choice-row label {
    flex: 1 1 9rem;
  }
  .choice-name {
    flex: 1 0 100%;
    font-weight: 600;
  }
  label {
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
  }
  input,
  select,
  textarea {
    min-width: 0;
  }
  textarea {
    resize: vertical;
  }
  [part~='error'] ul {
    list-style: disc;
    padding-inline-start: 1.25rem;
    gap: calc(var(--portal-space) / 2);
  }
  button[aria-disabled='true'] {
    cursor: progress;
  }
  dialog {
    color: var(--portal-color-on-surface);
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 2);
    max-width: min(28rem, calc(100vw - 2rem));
    display: grid;
    gap: var(--portal-space);
  }
  dialog:not([open]) {
    display: none;
  }
  dialog::backdrop {
    background: color-mix(in srgb, var(--portal-color-on-surface) 45%, transparent);
  }
`;
