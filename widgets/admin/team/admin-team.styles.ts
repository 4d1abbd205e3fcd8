import { css } from 'lit';

/** `<admin-team>`' own rules: the role choices (a radio, its name, its one-line explanation); cards come from `cardListStyles`. */
export const teamStyles = css`
  :host {
    --portal-team-gap: calc(var(--portal-space) * 1.5);
    --portal-section-gap: var(--portal-team-gap);
  }
  fieldset.roles {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
    display: grid;
    gap: calc(var(--portal-space) / 2);
  }
  fieldset.roles > legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: calc(var(--portal-space) / 2);
  }
  .role {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    column-gap: var(--portal-space);
  }
  .role input {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    margin: 0;
    accent-color: var(--portal-color-primary);
  }
  .role label {
    min-height: 2.75rem;
    display: flex;
    align-items: center;
  }
  .role .hint {
    grid-column: 2;
    margin-block-start: calc(var(--portal-space) * -0.75);
  }
  .you {
    font-weight: 400;
    color: var(--portal-color-muted);
  }
  h4 {
    margin: 0;
    font-size: 1rem;
  }
`;
