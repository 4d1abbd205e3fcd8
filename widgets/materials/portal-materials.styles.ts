import { css } from 'lit';

/** The materials widget's own rules; the panel comes from `panelStyles`, lists from `contentStyles`. */
export const materialsStyles = css`
  :host {
    --portal-materials-gap: calc(var(--portal-space) * 1.5);
  }
  [part='base'] {
    gap: var(--portal-materials-gap);
  }
  [part~='filters'] {
    display: grid;
    gap: var(--portal-space);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    align-items: end;
  }
  [part~='topic'] {
    display: grid;
    gap: var(--portal-space);
  }
  [part~='material'] {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: calc(var(--portal-space) / 2);
    min-width: 0;
  }
  h4 {
    line-height: 1.35;
  }
  [part~='toggle'] {
    color: var(--portal-color-on-surface);
    font-weight: 600;
    text-align: start;
    text-decoration: none;
    display: inline-flex;
    gap: calc(var(--portal-space) / 2);
    align-items: center;
  }
  [part~='toggle'] .chevron {
    display: inline-block;
    transition: transform 0.15s;
  }
  [part~='toggle'][aria-expanded='true'] .chevron {
    transform: rotate(90deg);
  }
  [part~='toggle']:hover span:last-child {
    text-decoration: underline;
  }
  [part~='file'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
  }
  [part~='article'] {
    border-inline-start: 3px solid var(--portal-color-border);
    padding-inline-start: var(--portal-space);
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='toggle'] .chevron {
      transition: none;
    }
  }
`;
