import { css } from 'lit';

/** `<portico-admin>`'s layout: the header, then the menu beside (or, on a phone, above) the section. */
export const shellStyles = css`
  :host {
    display: block;
    --portico-admin-nav-width: 14rem;
    --portico-admin-max-width: 80rem;
  }
  [part~='base'] {
    display: grid;
    gap: calc(var(--portal-space) * 2);
    max-width: var(--portico-admin-max-width);
    margin-inline: auto;
    min-width: 0;
  }
  h1 {
    margin: 0;
    font-size: 1.375rem;
    overflow-wrap: anywhere;
  }
  p {
    margin: 0;
    line-height: 1.45;
  }
  [part~='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--portal-space) calc(var(--portal-space) * 2);
    padding-block-end: var(--portal-space);
    border-block-end: 1px solid var(--portal-color-border);
  }
  [part~='brand'] {
    display: grid;
    min-width: 0;
  }
  .product {
    color: var(--portal-color-muted);
    font-size: 0.875rem;
  }
  [part~='tools'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--portal-space) calc(var(--portal-space) * 1.5);
  }
  [part~='me'] {
    color: var(--portal-color-muted);
  }
  [part~='language'] {
    display: flex;
    align-items: center;
    gap: calc(var(--portal-space) / 2);
    font-weight: 600;
  }
  select {
    font: inherit;
    min-height: 2.75rem;
    color: var(--portal-color-on-surface);
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: 0 var(--portal-space);
    max-width: 100%;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    border-radius: var(--portal-radius);
    cursor: pointer;
  }
  .secondary {
    color: var(--portal-color-link);
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    padding: 0 calc(var(--portal-space) * 2);
  }
  [aria-disabled='true'] {
    cursor: progress;
  }
  [part~='layout'] {
    display: grid;
    gap: calc(var(--portal-space) * 2);
    align-items: start;
    grid-template-columns: var(--portico-admin-nav-width) minmax(0, 1fr);
  }
  [part~='layout'].narrow {
    grid-template-columns: minmax(0, 1fr);
  }
  [part~='nav'] {
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space);
  }
  [part~='nav-list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  .narrow [part~='nav-list']:not([hidden]) {
    margin-block-start: var(--portal-space);
  }
  /* The folded phone menu: hidden must win over the list's own display. */
  [part~='nav-list'][hidden] {
    display: none;
  }
  [part~='nav-link'] {
    display: flex;
    align-items: center;
    min-height: 2.75rem;
    padding: 0 var(--portal-space);
    border-radius: var(--portal-radius);
    border-inline-start: 4px solid transparent;
    color: var(--portal-color-link);
    text-decoration: none;
    overflow-wrap: anywhere;
  }
  [part~='nav-link']:hover {
    text-decoration: underline;
  }
  [part~='nav-link'][aria-current='page'] {
    border-inline-start-color: var(--portal-color-link);
    color: var(--portal-color-on-surface);
    font-weight: 700;
  }
  [part~='nav-toggle'] {
    width: 100%;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--portal-space);
    font-weight: 600;
    color: var(--portal-color-on-surface);
    background: none;
    border: 0;
    padding: 0 var(--portal-space);
  }
  [part~='nav-toggle']::after {
    content: '';
    width: 0.5rem;
    height: 0.5rem;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: rotate(45deg);
  }
  [part~='nav-toggle'][aria-expanded='true']::after {
    transform: rotate(-135deg);
  }
  [part~='main'] {
    display: grid;
    gap: calc(var(--portal-space) * 2);
    min-width: 0;
    border-radius: var(--portal-radius);
  }
  [part~='main']:focus {
    outline: none;
  }
  [part~='main']:focus-visible {
    outline: 3px solid var(--portal-color-focus);
  }
  [part~='notice'] {
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    border: 1px solid var(--portal-color-border);
    border-inline-start: 4px solid var(--portal-color-primary);
    border-radius: var(--portal-radius);
    background: var(--portal-color-surface);
  }
  [part~='status'] {
    color: var(--portal-color-muted);
  }
  [part~='error'] {
    color: var(--portal-color-danger);
    background: var(--portal-color-danger-surface);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: var(--portal-space);
    justify-items: start;
  }
  [part~='header'] [part~='error'] {
    flex-basis: 100%;
  }
`;
