import { css } from 'lit';

/**
 * CSS fragments that several console sections repeat word for word. Each is interpolated into a section's own
 * `css` block at the place its rules stood, so the order of the rules (and with it the look) stays as it was.
 */

/** The muted intro and hints, and the hints' smaller type. */
export const introHintStyles = css`
  [part~='intro'],
  .hint {
    color: var(--portal-color-muted);
  }
  .hint {
    margin: 0;
    font-size: 0.9375rem;
  }
`;

/** A live announcement out of sight while empty, yet still a live region. */
export const emptyAnnouncementStyles = css`
  /* Out of sight while empty, but never display: none, so it stays a live region that screen readers follow. */
  [part~='announcement']:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
`;

/** The region around a list of cards, and the bare list. */
export const listRegionStyles = css`
  .list-region {
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  [part~='list'] {
    list-style: none;
    display: grid;
    gap: var(--portal-space);
  }
`;

/** A card's facts in a `<dl>` whose columns wrap down to one on a phone. */
export const factGridStyles = css`
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
    gap: calc(var(--portal-space) / 2) calc(var(--portal-space) * 2);
  }
`;

/** A fact's muted term and its value that may break anywhere. */
export const factStyles = css`
  dt {
    color: var(--portal-color-muted);
    font-size: 0.875rem;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

/** A field's error message. */
export const fieldErrorStyles = css`
  .field-error {
    color: var(--portal-color-danger);
    font-weight: 600;
    margin: 0;
  }
`;

/** Danger buttons: outlined (secondary) and filled (primary). */
export const dangerButtonStyles = css`
  .danger.secondary {
    color: var(--portal-color-danger);
    border-color: currentColor;
  }
  .danger.primary {
    color: var(--portal-color-danger-surface);
    background: var(--portal-color-danger);
  }
`;

/** A button whose action is under way. */
export const busyButtonStyles = css`
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
`;

/** A tabbed section's panels: a little room under the tabs, and none shown while hidden. */
export const tabPanelStyles = css`
  [part~='panel'] {
    padding-top: var(--portal-space);
  }
  [part~='panel'][hidden] {
    display: none;
  }
`;
