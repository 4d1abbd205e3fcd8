import type { TenantSettings } from '../admin-api.ts';

/** Where the fixture server serves the loader. */
export const FIXTURE_EMBED_SCRIPT_URL = 'https://portico.example.com/embed.js';

/** The demo tenants' settings as `GET /api/v1/settings` answers them (what `<admin-embed>` reads). */
export function fixtureEmbedSettings(tenant: 'clinica-sol' | 'martins-castro' = 'clinica-sol', change: Partial<TenantSettings> = {}): TenantSettings {
  const base: TenantSettings =
    tenant === 'clinica-sol'
      ? {
          slug: 'clinica-sol',
          name: 'Clínica Sol',
          portalEnabled: true,
          defaultLocale: 'pt-BR',
          timeZone: 'America/Sao_Paulo',
          portalUrl: 'https://www.clinicasol.com.br/portal/',
          embedOrigins: ['https://www.clinicasol.com.br', 'https://clinicasol.com.br'],
          branding: { logoUrl: '/demo/clinica-sol/logo.svg', primaryColor: '#c2410c', accentColor: '#b45309', radius: 14, fontFamily: 'system-ui, sans-serif', colorScheme: 'light' },
          modules: ['billing', 'documents', 'appointments', 'requests', 'profile', 'news'],
          embedScriptUrl: FIXTURE_EMBED_SCRIPT_URL,
        }
      : {
          slug: 'martins-castro',
          name: 'Martins Castro Advogados',
          portalEnabled: true,
          defaultLocale: 'es',
          timeZone: 'Europe/Madrid',
          portalUrl: null,
          embedOrigins: [],
          branding: { logoUrl: '/demo/martins-castro/logo.svg', primaryColor: '#0b4f6c', accentColor: '#8a6d3b', radius: 2, fontFamily: 'Georgia, serif', colorScheme: 'light' },
          modules: ['processes', 'documents', 'requests', 'materials'],
          embedScriptUrl: FIXTURE_EMBED_SCRIPT_URL,
        };
  return { ...base, ...change };
}
