import { css } from 'lit';

/** `<portal-app>`'s layout: header, then the menu beside (or, on a phone, above) the section, then the footer. */
export const appStyles = css`
  :host {
    display: block;
    --portal-app-gap: calc(var(--portal-space) * 2);
    --portal-app-nav-width: 14rem;
    --portal-app-current-color: var(--portal-color-link);
  }
  [part~='base'] {
    /* Its own surface: the session bar, the home cards and the footer stay readable on a dark host page. */
    background: var(--portal-color-surface);
    display: grid;
    gap: var(--portal-app-gap);
    min-width: 0;
  }
  [part~='header'] {
    display: grid;
    gap: var(--portal-space);
  }
  [part~='session-bar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--portal-space);
    color: var(--portal-color-muted);
    font-size: 0.9375rem;
  }
  [part~='layout'] {
    display: grid;
    gap: var(--portal-app-gap);
    align-items: start;
    grid-template-columns: minmax(0, 1fr);
  }
  [part~='layout'].with-nav:not(.narrow) {
    grid-template-columns: var(--portal-app-nav-width) minmax(0, 1fr);
  }
  [part~='nav'] {
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space);
  }
  [part~='nav'] ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  .narrow [part~='nav'] ul:not([hidden]) {
    margin-block-start: var(--portal-space);
  }
  /* The collapsed phone menu: \`hidden\` must win over the list's own display. */
  [part~='nav'] ul[hidden] {
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
    border-inline-start-color: var(--portal-app-current-color);
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
    gap: var(--portal-app-gap);
    min-width: 0;
    border-radius: var(--portal-radius);
  }
  [part~='notice'],
  [part~='confirm-banner'] {
    margin: 0;
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    border-radius: var(--portal-radius);
    border: 1px solid var(--portal-color-border);
    border-inline-start: 4px solid var(--portal-color-primary);
    background: var(--portal-color-surface);
  }
  [part~='confirm-banner'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portal-space);
    align-items: center;
  }
  a {
    color: var(--portal-color-link);
  }
  [part~='home'] {
    display: grid;
    gap: var(--portal-app-gap);
  }
  [part~='cards'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--portal-space);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
  }
  [part~='cards'] > li {
    display: grid;
  }
  [part~='card'] {
    display: grid;
    gap: calc(var(--portal-space) / 2);
    align-content: start;
    min-height: 2.75rem;
    padding: calc(var(--portal-space) * 1.5);
    text-decoration: none;
    color: var(--portal-color-on-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    border-block-start: 4px solid var(--portal-color-accent);
  }
  [part~='card'] strong {
    color: var(--portal-color-link);
    text-decoration: underline;
    font-size: 1.0625rem;
  }
  [part~='card'] span {
    color: var(--portal-color-muted);
  }
  [part~='footer'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portal-space) calc(var(--portal-space) * 2);
    align-items: center;
    justify-content: space-between;
    padding: var(--portal-space);
    border-block-start: 1px solid var(--portal-color-border);
    color: var(--portal-color-muted);
    font-size: 0.9375rem;
  }
  [part~='links'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--portal-space);
  }
  [part~='footer-link'] {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    padding: 0 calc(var(--portal-space) / 2);
  }
  [part~='sign-out'],
  [part~='change-account'] {
    min-height: 2.75rem;
  }
`;

/** Buttons and headings as the other widgets draw them. */
export const appControlStyles = css`
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  p {
    margin: 0;
    line-height: 1.45;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    border-radius: var(--portal-radius);
    cursor: pointer;
    color: var(--portal-color-link);
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    padding: 0 calc(var(--portal-space) * 2);
  }
`;
