import { css } from 'lit';

/** The campaigns widget's own rules; the panel comes from `panelStyles`, lists and images from `contentStyles`. */
export const campaignsStyles = css`
  :host {
    --portal-campaigns-gap: calc(var(--portal-space) * 1.5);
    --portal-campaigns-min-width: 16rem;
  }
  [part='base'] {
    gap: var(--portal-campaigns-gap);
  }
  ul[part~='list'] {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--portal-campaigns-min-width)), 1fr));
    gap: var(--portal-campaigns-gap);
  }
  [part~='campaign'] {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    overflow: hidden;
    display: grid;
    grid-template-rows: auto 1fr;
    min-width: 0;
  }
  [part~='campaign'] img[part~='image'] {
    border-radius: 0;
  }
  .card {
    padding: var(--portal-space) calc(var(--portal-space) * 1.5) calc(var(--portal-space) * 1.5);
    display: grid;
    gap: var(--portal-space);
    align-content: start;
  }
  h3 {
    line-height: 1.35;
  }
  a[part~='action'] {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    text-decoration: none;
    border-radius: var(--portal-radius);
  }
  [part~='interest'] {
    display: grid;
    gap: calc(var(--portal-space) / 2);
    justify-items: start;
  }
  [part~='interest'] p {
    font-weight: 600;
  }
`;
