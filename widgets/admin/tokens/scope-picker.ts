import { css, html, nothing, type TemplateResult } from 'lit';
import type { ApiScope } from '../admin-api.ts';
import { translator, type Catalog, type Locale } from '../../core/i18n.ts';

/**
 * The permissions an API token (A12) or a staff member of role `staff` gets: per module, "view" (`:read`) and
 * "change" (`:write`). Shared by `<admin-tokens>` and `<admin-team>`.
 *
 * The list mirrors `API_SCOPES` of `server/auth/api-tokens.ts`, which the browser cannot import (that module needs
 * `node:crypto`); the type check below fails if the two stop matching.
 */
export const SCOPES = [
  'accounts:read',
  'accounts:write',
  'requests:read',
  'requests:write',
  'users:read',
  'users:write',
  'billing:read',
  'billing:write',
  'processes:read',
  'processes:write',
  'documents:read',
  'documents:write',
  'appointments:read',
  'appointments:write',
  'profile:read',
  'profile:write',
  'content:read',
  'content:write',
  'branding:write',
  'webhooks:read',
  'webhooks:write',
  'events:read',
] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrorsServer: Same<(typeof SCOPES)[number], ApiScope> = true;
void mirrorsServer;

/** A module the scopes are grouped by, in the order the picker shows them. */
export type ScopeModule = ApiScope extends `${infer M}:${string}` ? M : never;
export const SCOPE_MODULES = [...new Set(SCOPES.map((scope) => scope.split(':')[0] as ScopeModule))];

const en = {
  legend: 'Permissions',
  read: 'View',
  write: 'Change',
  'module.accounts': 'Accounts',
  'module.requests': 'Requests',
  'module.users': 'Portal users',
  'module.billing': 'Billing',
  'module.processes': 'Processes',
  'module.documents': 'Documents',
  'module.appointments': 'Appointments',
  'module.profile': 'Registration details',
  'module.content': 'News, materials and campaigns',
  'module.branding': 'Settings and branding',
  'module.webhooks': 'Webhooks',
  'module.events': 'Event feed',
  'summary.both': 'view and change',
  'summary.none': 'No permissions',
};
type Key = keyof typeof en;

/** The picker's strings (exported so the catalogue check sees them). */
export const messages: Catalog<Key> = {
  en,
  'pt-BR': {
    legend: 'Permissões',
    read: 'Ver',
    write: 'Alterar',
    'module.accounts': 'Contas',
    'module.requests': 'Solicitações',
    'module.users': 'Usuários do portal',
    'module.billing': 'Financeiro',
    'module.processes': 'Processos',
    'module.documents': 'Documentos',
    'module.appointments': 'Agendamentos',
    'module.profile': 'Dados cadastrais',
    'module.content': 'Notícias, materiais e campanhas',
    'module.branding': 'Configurações e identidade visual',
    'module.webhooks': 'Webhooks',
    'module.events': 'Feed de eventos',
    'summary.both': 'ver e alterar',
    'summary.none': 'Nenhuma permissão',
  },
  es: {
    legend: 'Permisos',
    read: 'Ver',
    write: 'Modificar',
    'module.accounts': 'Cuentas',
    'module.requests': 'Solicitudes',
    'module.users': 'Usuarios del portal',
    'module.billing': 'Facturación',
    'module.processes': 'Expedientes',
    'module.documents': 'Documentos',
    'module.appointments': 'Citas',
    'module.profile': 'Datos de registro',
    'module.content': 'Noticias, materiales y campañas',
    'module.branding': 'Configuración e imagen',
    'module.webhooks': 'Webhooks',
    'module.events': 'Feed de eventos',
    'summary.both': 'ver y modificar',
    'summary.none': 'Sin permisos',
  },
};

const levelsOf = (module: ScopeModule) => SCOPES.filter((scope) => scope.startsWith(`${module}:`));
const levelKey = (scope: ApiScope): Key => (scope.endsWith(':read') ? 'read' : 'write');

/** The scopes in the picker's order, without repeats: what a form sends. */
export function orderedScopes(scopes: Iterable<ApiScope>): ApiScope[] {
  const chosen = new Set(scopes);
  return SCOPES.filter((scope) => chosen.has(scope));
}

/** Scopes in words, grouped by module: "Accounts: view and change · Billing: view". */
export function describeScopes(scopes: readonly ApiScope[], locale: Locale): string {
  const t = translator(messages, locale);
  const parts = SCOPE_MODULES.flatMap((module) => {
    const held = levelsOf(module).filter((scope) => scopes.includes(scope));
    if (!held.length) return [];
    const levels = held.length === 2 ? t('summary.both') : t(levelKey(held[0]!)).toLocaleLowerCase(locale);
    return [`${t(`module.${module}`)}: ${levels}`];
  });
  return parts.length ? parts.join(' · ') : t('summary.none');
}

export interface ScopePickerOptions {
  locale: Locale;
  /** Prefixes the ids, so two pickers can share a shadow root. */
  id: string;
  selected: ReadonlySet<ApiScope>;
  onToggle: (scope: ApiScope, on: boolean) => void;
  /** A line under the legend. */
  hint?: string;
  /** What is wrong with the choice (shown, and tied to the group). */
  error?: string;
  legend?: string;
}

/**
 * The scope checkboxes: one group per module (its name the group's legend), with a "View" and a "Change" box each
 * (settings and branding only "Change"). A screen reader hears "Permissions, Billing, View, checkbox".
 */
export function renderScopePicker(options: ScopePickerOptions): TemplateResult {
  const t = translator(messages, options.locale);
  const { id } = options;
  const described = [options.hint ? `${id}-hint` : '', options.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<fieldset part="scopes" class="scopes" id=${id} tabindex="-1" aria-describedby=${described || nothing} aria-invalid=${options.error ? 'true' : nothing}>
    <legend>${options.legend ?? t('legend')}</legend>
    ${options.hint ? html`<p class="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing}
    ${options.error ? html`<p class="field-error" id=${`${id}-error`}>${options.error}</p>` : nothing}
    <div class="scope-modules">
      ${SCOPE_MODULES.map(
        (module) => html`<fieldset class="scope-module" part="scope-module">
          <legend>${t(`module.${module}`)}</legend>
          ${levelsOf(module).map(
            (scope) => html`<label class="check">
              <input
                type="checkbox"
                name="scope"
                value=${scope}
                .checked=${options.selected.has(scope)}
                @change=${(event: Event) => options.onToggle(scope, (event.target as HTMLInputElement).checked)}
              />
              <span>${t(levelKey(scope))}</span>
            </label>`,
          )}
        </fieldset>`,
      )}
    </div>
  </fieldset>`;
}

/** The picker's layout: modules in a wrapping grid, one column on a phone. */
export const scopePickerStyles = css`
  fieldset.scopes,
  fieldset.scope-module {
    margin: 0;
    min-width: 0;
  }
  fieldset.scopes {
    border: 0;
    padding: 0;
    display: grid;
    gap: var(--portal-space);
  }
  fieldset.scopes:focus {
    outline: none;
  }
  fieldset.scopes > legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: calc(var(--portal-space) / 2);
  }
  .scope-modules {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
    gap: var(--portal-space);
  }
  fieldset.scope-module {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) / 2) var(--portal-space) var(--portal-space);
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--portal-space) * 2);
  }
  fieldset.scope-module > legend {
    font-size: 0.9375rem;
    padding: 0 calc(var(--portal-space) / 2);
  }
  label.check {
    display: flex;
    align-items: center;
    gap: var(--portal-space);
    font-weight: 400;
    min-height: 2.75rem;
  }
  label.check input {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    margin: 0;
    accent-color: var(--portal-color-primary);
  }
`;
