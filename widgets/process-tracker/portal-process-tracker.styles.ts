import { css } from 'lit';

/** The process tracker's own rules; the panel, controls, buttons and boxes come from `panelStyles`. */
export const trackerStyles = css`
  :host {
    --portal-process-tracker-gap: calc(var(--portal-space) * 2);
    --portal-process-tracker-new-background: var(--portal-color-primary-subtle);
    /* The link colour is the brand colour where it reads on the surface (4.5:1), else body text: marks stay visible in dark mode. */
    --portal-process-tracker-new-border: var(--portal-color-link);
    --portal-process-tracker-done-color: var(--portal-color-link);
    --portal-process-tracker-bar-height: 0.75rem;
  }
  [hidden] {
    display: none !important;
  }
  [part='base'] {
    gap: var(--portal-process-tracker-gap);
    overflow-wrap: anywhere;
  }
  section,
  header {
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  section > ul,
  [part~='phases'] {
    list-style: none;
    display: grid;
    gap: var(--portal-space);
  }
  [part~='notice-kind'][data-kind='follow-up'] {
    border-style: dashed;
  }
  select {
    max-width: 100%;
  }

  /* T3: what is new, highlighted above the phases. */
  [part~='new'] {
    background: var(--portal-process-tracker-new-background);
    border: 1px solid var(--portal-process-tracker-new-border);
    border-inline-start-width: 4px;
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 1.5);
  }
  [part~='notice'] {
    display: grid;
    gap: calc(var(--portal-space) / 2);
    border-top: 1px solid var(--portal-color-border);
    padding-top: var(--portal-space);
  }
  [part~='new'] [part~='notice']:first-child,
  [part~='notices'] [part~='notice']:first-child {
    border-top: 0;
    padding-top: 0;
  }
  .rich {
    display: grid;
    gap: var(--portal-space);
    line-height: 1.45;
  }
  .rich :is(p, ul, ol, blockquote, pre, h3, h4, h5, h6) {
    margin: 0;
  }
  .rich :is(ul, ol) {
    padding-inline-start: calc(var(--portal-space) * 3);
  }
  .rich blockquote {
    border-inline-start: 3px solid var(--portal-color-border);
    padding-inline-start: var(--portal-space);
  }
  .rich pre {
    white-space: pre-wrap;
  }
  .rich a {
    color: var(--portal-color-link);
  }
  .rich hr {
    border: 0;
    border-top: 1px solid var(--portal-color-border);
    width: 100%;
  }

  /* T2: the bar (one segment per phase: filled, striped or hollow) and the list of phases. */
  [part~='progress-label'] {
    font-weight: 600;
  }
  [part~='bar'] {
    display: flex;
    gap: 2px;
    height: var(--portal-process-tracker-bar-height);
  }
  .segment {
    flex: 1 1 0;
    min-width: 0;
    border: 1px solid var(--portal-process-tracker-done-color);
    border-radius: 2px;
  }
  .segment[data-state='done'] {
    background: var(--portal-process-tracker-done-color);
  }
  .segment[data-state='current'] {
    background: repeating-linear-gradient(135deg, var(--portal-process-tracker-done-color) 0 3px, transparent 3px 6px);
  }
  .segment[data-state='upcoming'] {
    border-color: var(--portal-color-border);
  }
  [part~='phase'] {
    display: grid;
    grid-template-columns: 2rem minmax(0, 1fr);
    gap: var(--portal-space);
    align-items: start;
  }
  .marker {
    display: grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
    border: 2px solid var(--portal-color-border);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  [data-state='done'] > .marker {
    border-color: var(--portal-process-tracker-done-color);
    color: var(--portal-process-tracker-done-color);
  }
  [data-state='current'] > .marker {
    border-color: var(--portal-process-tracker-done-color);
    background: var(--portal-process-tracker-done-color);
    color: var(--portal-color-surface);
  }
  .phase-body {
    display: grid;
    gap: calc(var(--portal-space) / 2);
    min-height: 2rem;
    align-content: center;
  }
  .phase-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
  }
  [data-state='current'] .phase-name {
    font-weight: 600;
  }
  [data-state='upcoming'] .phase-name,
  [data-state='upcoming'] .phase-toggle {
    color: var(--portal-color-muted);
  }
  .phase-toggle {
    font: inherit;
    color: var(--portal-color-on-surface);
    background: none;
    border: 0;
    padding: 0;
    min-height: 2rem;
    text-align: start;
    text-decoration: underline dotted;
    text-underline-offset: 3px;
    cursor: pointer;
  }
  .phase-toggle::after {
    content: ' ▾' / '';
  }
  .phase-toggle[aria-expanded='true']::after {
    content: ' ▴' / '';
  }

  /* T4: references. */
  dl {
    margin: 0;
    display: grid;
    gap: var(--portal-space);
  }
  [part~='reference'] {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  [part~='reference-value'] {
    font-size: 1rem;
  }

  /* History, and the states of the shared buttons. */
  [part~='history-entry'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
  }
  [part~='history-entry'] time {
    color: var(--portal-color-muted);
    font-variant-numeric: tabular-nums;
  }
  [part~='history-entry'] .note {
    flex-basis: 100%;
  }
  .secondary[aria-pressed='true'] {
    border-width: 2px;
    font-weight: 600;
  }
  .link {
    text-align: start;
  }
`;
