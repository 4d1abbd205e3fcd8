/**
 * Prints the OpenAPI document (`npm run openapi > openapi.json`), built from the routes without a database, and
 * with `--check` lists the operations that still lack a description (and fails if there are any).
 */
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { Database } from '../server/db/database.ts';
import type { KeyStore } from '../server/auth/keys.ts';
import { createLogger } from '../server/http/logger.ts';
import { docOf, openApiDocument, operationsOf } from '../server/openapi/generate.ts';
import { PORTICO_VERSION } from '../server/version.ts';

const config = loadConfig({ NODE_ENV: 'test', PORTICO_DEMO: 'false', LOG_LEVEL: 'silent' });
const unused = new Proxy({}, { get: () => () => { throw new Error('no database when printing the document'); } });
const app = createApp({
  config,
  db: unused as Database,
  logger: createLogger('silent'),
  clock: () => new Date(),
  schemaVersion: 0,
  keys: unused as KeyStore,
  wakeMail: () => {},
  storage: unused as never,
});

if (process.argv.includes('--check')) {
  const missing = operationsOf(app as never).filter((operation) => !docOf(operation));
  for (const operation of missing) console.log(`${operation.method} ${operation.path}`);
  console.log(`${missing.length} operation(s) without describe()`);
  process.exitCode = missing.length ? 1 : 0;
} else {
  process.stdout.write(`${JSON.stringify(openApiDocument(app as never, { version: PORTICO_VERSION }), null, 2)}\n`);
}
