import type { NewTenant } from '../server/features/tenants/schemas.ts';

/** How each demo tenant looks. Data only, so Storybook can show the same brands without the server. */
export const DEMO_BRANDING = {
  'clinica-sol': {
    logoUrl: '/demo/clinica-sol/logo.svg',
    primaryColor: '#c2410c',
    accentColor: '#b45309',
    radius: 14,
    fontFamily: "Seravek, 'Gill Sans Nova', Ubuntu, Calibri, 'DejaVu Sans', sans-serif",
    colorScheme: 'light',
  },
  'martins-castro': {
    logoUrl: '/demo/martins-castro/logo.svg',
    primaryColor: '#0b4f6c',
    accentColor: '#8a6d3b',
    radius: 2,
    fontFamily: "'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, serif",
    colorScheme: 'light',
  },
} as const;

/** The two demo tenants. Their look comes from these records, not from the demo pages' CSS. */
export function demoTenants(publicUrl: string, extraOrigins: string[] = []): NewTenant[] {
  // The demo pages are served by Portico itself (same origin); other sites may embed the demo when listed.
  const origins = [...new Set([new URL(publicUrl).origin, ...extraOrigins])];
  return [
    {
      slug: 'clinica-sol',
      name: 'Clínica Sol',
      locale: 'pt-BR',
      currency: 'BRL',
      timeZone: 'America/Sao_Paulo',
      branding: { ...DEMO_BRANDING['clinica-sol'] },
      portalUrl: `${publicUrl}/demo/clinica-sol/`,
      embedOrigins: origins,
      modules: ['billing', 'processes', 'documents', 'appointments', 'requests', 'profile', 'news', 'materials', 'campaigns'],
    },
    {
      slug: 'martins-castro',
      name: 'Martins Castro',
      locale: 'es',
      currency: 'EUR',
      timeZone: 'Europe/Madrid',
      branding: { ...DEMO_BRANDING['martins-castro'] },
      portalUrl: `${publicUrl}/demo/martins-castro/`,
      embedOrigins: origins,
      modules: ['billing', 'processes', 'documents', 'appointments', 'requests', 'profile', 'news', 'materials', 'campaigns'],
    },
  ];
}
