import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig, serverUrl } from '../../server/config.ts';
import { freePort, killServer, spawnServer, waitForUrl } from '../helpers/process.ts';
import { testDatabaseUrl } from '../helpers/server.ts';

describe('configuration is parsed once and fails fast', () => {
  test('defaults: port 8787, embedded database in .portico, demo on outside production', () => {
    const config = loadConfig({});
    assert.equal(config.port, 8787);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.dataDir, '.portico');
    assert.equal(config.demo, true);
    assert.equal(serverUrl(config, 8787), 'http://localhost:8787');
    assert.equal(serverUrl(loadConfig({ PUBLIC_URL: 'https://portal.example.com/' }), 8787), 'https://portal.example.com');
    assert.equal(loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.com' }).demo, false);
  });

  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT must be a whole number from 0 to 65535 \(got "eighty"\)$/],
    [{ PORT: '70000' }, /^Invalid configuration: PORT must be a whole number/],
    [{ DATABASE_URL: 'mysql://localhost/db' }, /^Invalid configuration: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    [{ NODE_ENV: 'staging' }, /^Invalid configuration: NODE_ENV must be one of development, production, test/],
    [{ PORTICO_DEMO: 'maybe' }, /^Invalid configuration: PORTICO_DEMO must be one of/],
    [{ PUBLIC_URL: 'ftp://x' }, /^Invalid configuration: PUBLIC_URL must be an http/],
    [{ DATABASE_POOL_SIZE: '0' }, /^Invalid configuration: DATABASE_POOL_SIZE must be a whole number from 1 to 100/],
    [{ NODE_ENV: 'production' }, /^Invalid configuration: SMTP_URL is required in production/],
    [{ SMTP_URL: 'http://mail.example.com' }, /^Invalid configuration: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
  ];
  test('a wrong DATABASE_URL is reported without its password, and values stay on one line', () => {
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db.example.com/portico' }), (error: Error) => {
      assert.doesNotMatch(error.message, /hunter2|admin/);
      assert.match(error.message, /mysql:\/\/\*\*\*@db\.example\.com/);
      return true;
    });
    assert.throws(() => loadConfig({ PORT: '80\n81' }), (error: Error) => !error.message.includes('\n'));
  });

  for (const [env, message] of cases) {
    test(`${Object.entries(env)[0]!.join('=')} is refused with one line naming the variable`, () => {
      assert.throws(() => loadConfig(env), (error: Error) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, message);
        assert.doesNotMatch(error.message, /\n/);
        return true;
      });
    });
  }
});

describe('start-up failures end in one clear line and a non-zero exit', () => {
  const expectOneLineFailure = async (env: Record<string, string>, message: RegExp) => {
    const server = spawnServer(env);
    const code = await server.exited;
    assert.notEqual(code, 0);
    const lines = server.stderr().trim().split('\n');
    assert.equal(lines.length, 1, `expected one line, got:\n${server.stderr()}`);
    assert.match(lines[0]!, message);
    assert.doesNotMatch(server.stderr(), /\s+at .+:\d+:\d+/, 'no stack trace');
  };

  test('a wrong variable', () => expectOneLineFailure({ PORT: 'abc' }, /^portico: Invalid configuration: PORT /));

  test('an unreachable DATABASE_URL', async () => {
    const port = await freePort();
    await expectOneLineFailure({ DATABASE_URL: `postgres://nobody@127.0.0.1:${port}/portico` }, /^portico: Cannot reach the database at 127\.0\.0\.1:\d+\/portico: ECONNREFUSED/);
  });

  test('a port that is taken', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    const { port } = taken.address() as { port: number };
    try {
      await expectOneLineFailure(
        { DATABASE_URL: testDatabaseUrl(), DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '2', PORT: String(port), HOST: '127.0.0.1', PORTICO_DEMO: 'false' },
        new RegExp(`^portico: Port ${port} is already in use`),
      );
    } finally {
      taken.close();
    }
  });

  test('a good configuration prints the URLs and stops cleanly on SIGTERM', async (t) => {
    const port = await freePort();
    const server = spawnServer({ DATABASE_URL: testDatabaseUrl(), DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '2', PORT: String(port), HOST: '127.0.0.1', PORTICO_DEMO: 'false' });
    t.after(() => killServer(server));
    const url = await waitForUrl(server);
    assert.equal(url, `http://127.0.0.1:${port}`);
    assert.match(server.stdout(), /Health: +http:\/\/127.0.0.1:\d+\/health/);
    assert.equal((await fetch(`http://127.0.0.1:${port}/ready`)).status, 200);
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
  });
});
