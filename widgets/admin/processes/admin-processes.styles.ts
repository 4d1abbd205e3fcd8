import { css } from 'lit';

/** `<admin-processes>`' own rules (after `cardListStyles`): the opened process, its phase timeline and notices. */
export const processesStyles = css`
  :host {
    --portal-processes-gap: calc(var(--portal-space) * 1.5);
    --portal-section-gap: var(--portal-processes-gap);
  }
  .detail,
  article[part~='process'],
  article section {
    display: grid;
    gap: var(--portal-processes-gap);
    min-width: 0;
  }
  article section {
    gap: var(--portal-space);
  }
  h3:focus {
    outline: none;
  }
  h5 {
    margin: 0;
    font-size: 1rem;
  }
  h5:focus {
    outline: none;
  }
  .plain {
    list-style: none;
    display: grid;
    gap: var(--portal-space);
  }
  [part~='notice'] {
    border-inline-start: 3px solid var(--portal-color-border);
    padding-inline-start: var(--portal-space);
    display: grid;
    gap: calc(var(--portal-space) / 2);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  [part~='notice'][data-kind='follow-up'] {
    border-inline-start-color: var(--portal-color-primary);
  }
  .rich {
    display: grid;
    gap: var(--portal-space);
    line-height: 1.5;
  }
  .rich ul,
  .rich ol {
    padding-inline-start: 1.5rem;
  }
  .rich a {
    color: var(--portal-color-link);
  }
  [part~='timeline'] {
    list-style: none;
    display: grid;
    gap: var(--portal-space);
  }
  [part~='phase'] {
    display: grid;
    grid-template-columns: 2rem 1fr;
    gap: var(--portal-space);
    align-items: start;
  }
  .marker {
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
    border: 2px solid var(--portal-color-border);
    font-weight: 600;
  }
  [part~='phase'][data-state='done'] .marker {
    border-color: var(--portal-color-primary);
  }
  [part~='phase'][data-state='current'] .marker {
    background: var(--portal-color-primary);
    color: var(--portal-color-on-primary);
    border-color: var(--portal-color-primary);
  }
  [part~='phase'][data-state='upcoming'] .state {
    color: var(--portal-color-muted);
  }
  .phase-body {
    display: grid;
    gap: calc(var(--portal-space) / 2);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .masked {
    letter-spacing: 0.1em;
  }
  [part~='references'] dd {
    display: flex;
    flex-wrap: wrap;
    gap: var(--portal-space);
    align-items: center;
  }
  [part~='references'] .link {
    min-height: 2.75rem;
  }
`;
