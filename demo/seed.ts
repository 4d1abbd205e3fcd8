import type { Config } from '../server/config.ts';
import type { Database } from '../server/db/database.ts';
import type { Logger } from '../server/http/logger.ts';
import { countTenants, createTenant } from '../server/features/tenants/queries.ts';
import type { NewTenant } from '../server/features/tenants/schemas.ts';

/** The two demo tenants. Their look comes from these records, not from the demo pages' CSS. */
export function demoTenants(publicUrl: string): NewTenant[] {
  // The demo pages are served by Portico itself; list the usual local spellings of its address too.
  const port = new URL(publicUrl).port;
  const origins = [...new Set([new URL(publicUrl).origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`])];
  return [
    {
      slug: 'clinica-sol',
      name: 'Clínica Sol',
      locale: 'pt-BR',
      currency: 'BRL',
      timeZone: 'America/Sao_Paulo',
      branding: {
        logoUrl: '/demo/clinica-sol/logo.svg',
        primaryColor: '#c2410c',
        accentColor: '#b45309',
        radius: 14,
        fontFamily: "Seravek, 'Gill Sans Nova', Ubuntu, Calibri, 'DejaVu Sans', sans-serif",
        colorScheme: 'light',
      },
      portalUrl: `${publicUrl}/demo/clinica-sol/`,
      embedOrigins: origins,
      modules: [],
    },
    {
      slug: 'martins-castro',
      name: 'Martins Castro',
      locale: 'es',
      currency: 'EUR',
      timeZone: 'Europe/Madrid',
      branding: {
        logoUrl: '/demo/martins-castro/logo.svg',
        primaryColor: '#0b4f6c',
        accentColor: '#8a6d3b',
        radius: 2,
        fontFamily: "'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, serif",
        colorScheme: 'light',
      },
      portalUrl: `${publicUrl}/demo/martins-castro/`,
      embedOrigins: origins,
      modules: [],
    },
  ];
}

/** Seeds the demo tenants on an empty database; a database that has any tenant is left alone. */
export async function seedDemoIfEmpty(db: Database, config: Config, logger: Logger): Promise<void> {
  const seeded = await db.owner.begin(async (tx) => {
    await tx`lock table tenants in share row exclusive mode`;
    if ((await countTenants(tx)) > 0) return false;
    for (const tenant of demoTenants(config.publicUrl)) await createTenant(tx, tenant);
    return true;
  });
  if (seeded) logger.info('demo tenants seeded');
}
