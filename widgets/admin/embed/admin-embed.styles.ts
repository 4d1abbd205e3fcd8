import { css } from 'lit';

/** `<admin-embed>`: code blocks that wrap (never a sideways scroll on a phone), each with its Copy button. */
export const embedStyles = css`
  :host {
    --portal-embed-code-background: color-mix(in srgb, var(--portal-color-on-surface) 6%, var(--portal-color-surface));
  }
  [part='base'] {
    gap: calc(var(--portal-space) * 2);
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--portal-color-focus);
  }
  .group {
    display: grid;
    gap: var(--portal-space);
    padding-block-start: var(--portal-space);
    border-block-start: 1px solid var(--portal-color-border);
    min-width: 0;
  }
  [part~='snippet'] {
    display: grid;
    gap: calc(var(--portal-space) / 2);
    min-width: 0;
  }
  .label {
    font-weight: 600;
  }
  pre {
    margin: 0;
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    background: var(--portal-embed-code-background);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    white-space: pre-wrap;
    font-size: 0.9375rem;
    line-height: 1.5;
  }
  [part~='parts'],
  [part~='origins'] {
    list-style: none;
    display: grid;
    gap: calc(var(--portal-space) * 1.5);
  }
  [part~='origins'] {
    gap: calc(var(--portal-space) / 2);
  }
  [part~='origins'] code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  [part~='warning'],
  [part~='notice'] {
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
  }
  [part~='warning'] {
    border-inline-start: 4px solid var(--portal-color-danger);
    font-weight: 600;
  }
  [part~='notice'] {
    border-inline-start: 4px solid var(--portal-color-primary);
  }
  a {
    color: var(--portal-color-link);
  }
  .hint {
    color: var(--portal-color-muted);
    font-size: 0.9375rem;
  }
`;
