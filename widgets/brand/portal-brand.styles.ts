import { css } from 'lit';

export const brandStyles = css`
  :host {
    display: block;
    --portal-brand-logo-size: 2.75rem;
  }
  [part='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--portal-space) * 1.5);
    padding: var(--portal-space);
    background: var(--portal-color-surface);
    border-block-end: 3px solid var(--portal-color-primary);
    border-radius: var(--portal-radius);
  }
  [part='identity'] {
    display: flex;
    align-items: center;
    gap: var(--portal-space);
    min-width: 0;
    flex: 1 1 12rem;
  }
  [part='logo'] {
    flex: none;
    width: var(--portal-brand-logo-size);
    height: var(--portal-brand-logo-size);
    border-radius: var(--portal-radius);
    object-fit: contain;
  }
  .monogram {
    display: grid;
    place-items: center;
    background: var(--portal-color-primary);
    color: var(--portal-color-on-primary);
    font-weight: 700;
    font-size: 1.25rem;
  }
  [part='name'] {
    font-size: 1.25rem;
    font-weight: 700;
    line-height: 1.2;
    overflow-wrap: anywhere;
  }
  [part='session'] {
    font-size: 0.9375rem;
    color: var(--portal-color-muted);
    overflow-wrap: anywhere;
  }
  [part='language'] {
    display: flex;
    align-items: center;
    gap: var(--portal-space);
    font-size: 0.9375rem;
    color: var(--portal-color-muted);
  }
  [part='language-select'] {
    font: inherit;
    color: var(--portal-color-on-surface);
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    min-height: 2.75rem;
    padding: 0 calc(var(--portal-space) * 1.5);
  }
  .placeholder {
    background: var(--portal-color-border);
    opacity: 0.35;
    border-radius: var(--portal-radius);
  }
  .placeholder.name {
    width: 10rem;
    max-width: 50%;
    height: 1.25rem;
  }
  [part='error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--portal-space);
    padding: calc(var(--portal-space) * 1.5);
    color: var(--portal-color-danger);
    background: var(--portal-color-danger-surface);
    border-radius: var(--portal-radius);
  }
  [part='retry'] {
    font: inherit;
    min-height: 2.75rem;
    padding: 0 calc(var(--portal-space) * 2);
    color: var(--portal-color-on-primary);
    background: var(--portal-color-primary);
    border: 0;
    border-radius: var(--portal-radius);
    cursor: pointer;
  }
`;
