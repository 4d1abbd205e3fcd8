import { css } from 'lit';

/** The news widget's own rules; the panel comes from `panelStyles`, lists and images from `contentStyles`. */
export const newsStyles = css`
  :host {
    --portal-news-gap: calc(var(--portal-space) * 1.5);
    --portal-news-unread-color: var(--portal-color-link);
  }
  [part='base'] {
    gap: var(--portal-news-gap);
  }
  [part~='count'] {
    font-size: 0.875rem;
    font-weight: 600;
    margin-inline-start: var(--portal-space);
    vertical-align: middle;
  }
  [part~='item'] {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: calc(var(--portal-space) / 2);
    min-width: 0;
  }
  [part~='item'][data-unread] {
    border-inline-start: 4px solid var(--portal-news-unread-color);
  }
  [part~='item'] img[part~='image'] {
    max-width: 12rem;
  }
  h3 {
    font-size: 1rem;
    line-height: 1.35;
  }
  [part~='open'] {
    min-height: 2.75rem;
    text-align: start;
    font-weight: 600;
    color: var(--portal-color-on-surface);
  }
  [part~='dot'] {
    display: inline-block;
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
    background: var(--portal-news-unread-color);
    margin-inline-end: calc(var(--portal-space) / 2);
    vertical-align: middle;
    /* Shown in forced colours too, where backgrounds are dropped. */
    border: 1px solid var(--portal-news-unread-color);
  }
  [part~='article'] {
    display: grid;
    gap: var(--portal-news-gap);
  }
  [part~='article'] h2:focus {
    outline: none;
  }
  [part~='back'] {
    justify-self: start;
  }
`;
