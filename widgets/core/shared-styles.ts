import { css } from 'lit';

/** Styles every widget starts from: the tokens' font and colours, a visible focus ring, hidden-but-read text. */
export const baseStyles = css`
  :host {
    font-family: var(--portal-font-family);
    color: var(--portal-color-on-surface);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--portal-color-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: no-preference) {
    .pulse {
      animation: portal-pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes portal-pulse {
    to {
      opacity: 0.45;
    }
  }
`;
