import { describe } from '../../openapi/meta.ts';
import type { EffectiveModules, TenantLinks } from './schemas.ts';

const portalModules: EffectiveModules = { modules: ['billing', 'documents', 'appointments', 'requests', 'profile', 'news'] };
const links: TenantLinks = {
  site: 'https://www.clinicasol.example',
  social: [
    { network: 'instagram', url: 'https://www.instagram.com/clinicasol.example' },
    { network: 'whatsapp', url: 'https://wa.me/5519932345610' },
  ],
};

/** The OpenAPI words of `/api/portal/modules`, `/api/v1/accounts/{id}/modules` and `/api/v1/branding/links`. */
export const moduleRouteDocs = {
  portal: describe({
    summary: 'The portal’s menu for the signed-in account',
    description:
      'The modules `<portal-app>` lists, in menu order: the portal’s own, with the account’s exceptions laid over them. Without `accountId`, the session’s chosen account (or the user’s only one). A profile-only session gets `profile` at most, a quick-access session `processes` and `news` at most.',
    responses: { 200: { description: 'The modules switched on for this account', example: portalModules } },
    problems: ['not_found'],
  }),
  accountGet: describe({
    summary: 'An account’s modules and its exceptions',
    description: '`modules` is what the account’s users see; `exceptions` what was set for this account against the portal’s choice (`true` on, `false` off).',
    responses: { 200: { description: 'The effective modules and the exceptions', example: { modules: ['billing', 'documents', 'requests', 'profile', 'campaigns'], exceptions: { appointments: false, campaigns: true } } } },
  }),
  accountPut: describe({
    summary: 'Switch modules on or off for one account',
    description: 'Names only the modules to change: `true` switches one on for this account, `false` off, `null` removes the exception (the portal’s choice applies again).',
    responses: { 200: { description: 'The account’s modules as they are now', example: { modules: ['billing', 'documents', 'requests', 'profile', 'campaigns'] } } },
    requestExample: { modules: { appointments: false, campaigns: true, news: null } },
  }),
  links: describe({
    summary: 'Set the portal footer’s site and social links',
    description: 'Replaces the links (https only, up to 10 social profiles) shown at the foot of the whole portal. A staff member must have entered the password in the last minutes.',
    responses: { 200: { description: 'The links as saved', example: links } },
    requestExample: links,
  }),
};
