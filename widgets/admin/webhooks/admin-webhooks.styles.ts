import { css } from 'lit';

/**
 * `<admin-webhooks>`' and its delivery log's own rules, after `panelStyles` and the console's `cardListStyles`: the
 * secret box that must not be missed, the events by group, an endpoint's facts, and the tries of a delivery.
 */
export const webhooksStyles = css`
  :host {
    --portal-webhooks-gap: calc(var(--portal-space) * 1.5);
    --portal-webhooks-warning-color: var(--portal-color-danger);
    --portal-section-gap: var(--portal-webhooks-gap);
  }
  [part='base'],
  .log-body {
    display: grid;
    gap: var(--portal-webhooks-gap);
    min-width: 0;
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
  /* Addresses are long words: they break anywhere rather than widen the page on a phone. */
  .url,
  .hint,
  [part~='announcement'],
  [part~='confirm'] p {
    overflow-wrap: anywhere;
  }
  .label {
    font-weight: 600;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  a[part~='docs'] {
    color: var(--portal-color-link);
  }
  [part~='empty'] {
    display: grid;
    gap: var(--portal-space);
  }
  [part~='badge'][data-status='disabled'],
  [part~='badge'][data-status='pending'] {
    color: var(--portal-color-muted);
  }
  [part~='badge'][data-status='failed'],
  [part~='recent'] .failed,
  [part~='last-error'] {
    color: var(--portal-color-danger);
  }
  [part~='last-error'] {
    margin: 0;
  }
  dl .wide {
    grid-column: 1 / -1;
  }
  [part~='recent'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--portal-space);
  }

  [part~='secret'] {
    border: 1px solid var(--portal-color-border);
    border-inline-start: 4px solid var(--portal-webhooks-warning-color);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 1.5);
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
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
  [part~='secret-value'] {
    flex: 1 1 14rem;
    min-width: 0;
    padding: var(--portal-space);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
  }
  [part~='verify'] {
    padding-inline-start: calc(var(--portal-space) * 2.5);
    display: grid;
    gap: calc(var(--portal-space) / 2);
    line-height: 1.45;
  }

  fieldset.events,
  fieldset.event-group {
    margin: 0;
    min-width: 0;
  }
  fieldset.events {
    border: 0;
    padding: 0;
    display: grid;
    gap: var(--portal-space);
  }
  fieldset.events:focus {
    outline: none;
  }
  fieldset.events > legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: calc(var(--portal-space) / 2);
  }
  .event-groups {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
    gap: var(--portal-space);
  }
  fieldset.event-group {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) / 2) var(--portal-space) var(--portal-space);
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  fieldset.event-group > legend {
    font-size: 0.9375rem;
    font-weight: 600;
    padding: 0 calc(var(--portal-space) / 2);
  }
  label.check {
    display: flex;
    align-items: center;
    gap: var(--portal-space);
    font-weight: 400;
    min-height: 2.75rem;
  }
  label.check input {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    margin: 0;
    flex: none;
    accent-color: var(--portal-color-primary);
  }
  .meaning {
    padding-inline-start: calc(1.25rem + var(--portal-space));
    overflow-wrap: anywhere;
  }

  .log {
    border-top: 1px solid var(--portal-color-border);
    padding-top: var(--portal-space);
    min-width: 0;
  }
  .log[hidden] {
    display: none;
  }
  [part~='log-toggle'] {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--portal-space) / 2);
  }
  form.filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--portal-space);
    border: 0;
    padding: 0;
  }
  form.filters label {
    flex: 1 1 12rem;
  }
  details[part~='tries'] summary {
    cursor: pointer;
    /* Stays a list item, so the browser draws its open / closed marker. */
    min-height: 2.75rem;
    padding-block: calc(var(--portal-space) * 0.75);
    box-sizing: border-box;
    color: var(--portal-color-link);
  }
  ol.tries {
    list-style: none;
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  ol.tries li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--portal-space);
    border-inline-start: 3px solid var(--portal-color-primary);
    padding-inline-start: var(--portal-space);
  }
  ol.tries li[data-ok='false'] {
    border-inline-start-color: var(--portal-color-danger);
  }
  ol.tries .outcome {
    font-weight: 600;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  ol.tries .duration {
    color: var(--portal-color-muted);
  }
`;
