import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import { schemaVersion } from '../../db/migrate.ts';

/** `/health` (the process is up) and `/ready` (the database answers and the schema is current). */
export function healthRoutes(db: Database, expectedSchemaVersion: number) {
  return new Hono()
    .get('/health', (c) => c.json({ status: 'ok' }))
    .get('/ready', async (c) => {
      try {
        const version = await schemaVersion(db.owner);
        const ready = version === expectedSchemaVersion;
        return c.json({ status: ready ? 'ready' : 'migrating', database: db.kind, schemaVersion: version, expectedSchemaVersion }, ready ? 200 : 503);
      } catch (error) {
        c.get('log').warn({ err: error }, 'readiness check failed');
        return c.json({ status: 'unavailable', database: db.kind, reason: 'database unreachable' }, 503);
      }
    });
}
