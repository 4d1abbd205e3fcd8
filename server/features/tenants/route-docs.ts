import { describe } from '../../openapi/meta.ts';
import type { PublicTenant } from './schemas.ts';

const examplePublicTenant: PublicTenant = {
  slug: 'clinica-sol',
  name: 'Clínica Sol',
  locale: 'pt-BR',
  currency: 'BRL',
  timeZone: 'America/Sao_Paulo',
  branding: {
    logoUrl: '/api/tenant-logos/clinica-sol?v=mi3k2f0a',
    primaryColor: '#c2410c',
    accentColor: '#b45309',
    radius: 14,
    fontFamily: "Seravek, 'Gill Sans Nova', Ubuntu, Calibri, sans-serif",
    colorScheme: 'light',
  },
  modules: ['billing', 'documents', 'appointments', 'requests', 'profile', 'news'],
  links: { site: 'https://www.clinicasol.example', social: [{ network: 'instagram', url: 'https://www.instagram.com/clinicasol.example' }] },
};

/** The OpenAPI words of `/api/portal/tenants/{slug}` and `/api/v1/branding/logo`. */
export const tenantRouteDocs = {
  get: describe({
    summary: 'A portal’s name, language, branding and modules',
    description:
      'What the widgets load first, before anyone signs in: the brand to draw, the language to speak, the menu to show. Public and cached for 60 s. A portal that does not exist or is switched off is `tenant_not_found`, with no hint of which names exist.',
    responses: { 200: { description: 'The public face of the portal', example: examplePublicTenant } },
    problems: ['tenant_not_found'],
  }),
  putLogo: describe({
    summary: 'Upload the portal’s logo',
    description:
      'The image is drawn on the PDFs Portico makes (guides, statements, boletos) and served at `logoUrl` for the widgets and the mail; the portal’s logo address is set to it. Each upload gets a new address, so caches never show the old one. A staff member must have entered the password in the last minutes.',
    rawBody: { contentTypes: ['image/png', 'image/jpeg'], description: 'The image itself, PNG or JPEG (recognised by its content), at most 256 KB.' },
    responses: { 200: { description: 'The logo kept', example: { type: 'image/png', size: 18342, logoUrl: '/api/tenant-logos/clinica-sol?v=mi3k2f0a' } } },
    problems: ['unsupported_media_type', 'invalid_input'],
  }),
  deleteLogo: describe({
    summary: 'Remove the uploaded logo',
    description: 'The portal’s logo address is cleared if it pointed at the uploaded image (an external https logo set in the settings stays).',
    responses: { 204: { description: 'Removed (also when there was none)' } },
  }),
};
