/**
 * Starts Portico: `node --import tsx server/main.ts` (what `npm start` runs).
 * Every way start-up can fail ends in one clear line and a non-zero exit code, not a stack trace.
 */
import { ConfigError, loadConfig } from './config.ts';
import { DatabaseUnavailableError } from './db/database.ts';
import { DataDirInUseError } from './db/embedded.ts';
import { MigrationError } from './db/migrate.ts';
import { createLogger } from './http/logger.ts';
import { seedDemoIfEmpty } from '../demo/seed.ts';
import { DEMO_API_TOKENS, DEMO_SIGN_INS, DEMO_STAFF, MARTINS_CASTRO_PEOPLE } from '../demo/people.ts';
import { ListenError, startServer, type RunningServer } from './start.ts';

const EXPECTED_FAILURES = [ConfigError, DatabaseUnavailableError, DataDirInUseError, MigrationError, ListenError];

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const running: RunningServer = await startServer(config, logger, {
    prepare: config.demo ? (db, url, storage) => seedDemoIfEmpty(db, url, storage, config.demoOrigins, logger) : undefined,
  });

  const database = running.db.kind === 'embedded' ? `embedded PGlite in ${config.dataDir}/` : 'PostgreSQL (DATABASE_URL)';
  const lines = [`Portico is running on ${running.url} — database: ${database}`];
  if (config.demo) {
    lines.push(`  Clínica Sol (pt-BR):    ${running.url}/demo/clinica-sol/`, `  Martins Castro (es):    ${running.url}/demo/martins-castro/`);
  }
  if (config.demo) {
    lines.push(
      `  Demo sign-ins:          ${DEMO_SIGN_INS['clinica-sol'].email} / ${DEMO_SIGN_INS['clinica-sol'].password} (Clínica Sol)`,
      `                          ${DEMO_SIGN_INS['martins-castro'].email} / ${DEMO_SIGN_INS['martins-castro'].password} (Martins Castro)`,
      ...MARTINS_CASTRO_PEOPLE.processes.map((p) => `  Quick access:           process ${p.number}, key ${p.accessKey} (Martins Castro)`),
      `  Staff console:          ${running.url}/admin/ — ${DEMO_STAFF['clinica-sol'].email} / ${DEMO_STAFF['clinica-sol'].password} (clinica-sol),`,
      `                          ${DEMO_STAFF['martins-castro'].email} / ${DEMO_STAFF['martins-castro'].password} (martins-castro);`,
      `                          authenticator secrets ${DEMO_STAFF['clinica-sol'].totpSecret} and ${DEMO_STAFF['martins-castro'].totpSecret}`,
      `  Demo API tokens:        ${DEMO_API_TOKENS['clinica-sol']}`,
      `                          ${DEMO_API_TOKENS['martins-castro']}`,
    );
    if (running.mail.captured) lines.push(`  Mail sent by the demo:  ${running.url}/dev/mail`);
  }
  lines.push(`  Health:                 ${running.url}/health   Ready: ${running.url}/ready`);
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Requests get 10 s to finish; if closing still hangs after that, leave anyway rather than never.
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000).unref();
    running.stop(10_000).then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: Error) => {
  const expected = EXPECTED_FAILURES.some((kind) => error instanceof kind);
  const line = expected ? error.message : `could not start: ${error.message.split('\n')[0]} (run with DEBUG_STARTUP=1 for details)`;
  process.stderr.write(`portico: ${line}\n`);
  if (!expected && process.env.DEBUG_STARTUP) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
