import type { Database } from '../server/db/database.ts';
import type { Logger } from '../server/http/logger.ts';
import { countTenants, createTenant } from '../server/features/tenants/queries.ts';
import { demoTenants } from './tenants.ts';

/** Seeds the demo tenants on an empty database; a database that has any tenant is left alone. */
export async function seedDemoIfEmpty(db: Database, url: string, extraOrigins: string[], logger: Logger): Promise<void> {
  const seeded = await db.owner.begin(async (tx) => {
    await tx`lock table tenants in share row exclusive mode`;
    if ((await countTenants(tx)) > 0) return false;
    for (const tenant of demoTenants(url, extraOrigins)) await createTenant(tx, tenant);
    return true;
  });
  if (seeded) logger.info('demo tenants seeded');
}
