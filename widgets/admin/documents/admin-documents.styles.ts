import { css } from 'lit';

/** `<admin-documents>`' own rules (after `cardListStyles`): its panels, the category switches, the downloads list. */
export const documentsStyles = css`
  :host {
    --portal-documents-gap: calc(var(--portal-space) * 1.5);
    --portal-section-gap: var(--portal-documents-gap);
    display: block;
    min-width: 0;
  }
  [part~='panel'],
  .panel {
    display: grid;
    gap: var(--portal-documents-gap);
    min-width: 0;
    padding-top: var(--portal-space);
  }
  [part~='panel'][hidden] {
    display: none;
  }
  .item-head h3:focus {
    outline: none;
  }
  .plain,
  [part~='categories'] {
    list-style: none;
    display: grid;
    gap: var(--portal-space);
  }
  [part~='categories'] li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--portal-space) / 2) var(--portal-space);
    border-bottom: 1px solid var(--portal-color-border);
    padding-bottom: var(--portal-space);
  }
  .category-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part~='badge'][data-status='hidden'] {
    color: var(--portal-color-muted);
  }
  [part~='categories'] [part~='error'] {
    flex-basis: 100%;
  }
  [part~='downloads'] li {
    display: grid;
    gap: calc(var(--portal-space) / 4);
    overflow-wrap: anywhere;
  }
`;
