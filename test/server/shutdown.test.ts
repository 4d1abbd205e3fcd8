import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestServer } from '../helpers/server.ts';

test('stopping lets a request in flight finish, then refuses new connections and closes the database', async () => {
  const server = await startTestServer();
  let release: () => void = () => {};
  const entered = new Promise<void>((resolve) => {
    server.app.get('/api/portal/probe/slow', async (c) => {
      resolve();
      await new Promise<void>((done) => (release = done));
      return c.json({ finished: true });
    });
  });

  const inFlight = server.request('/api/portal/probe/slow');
  await entered;
  const stopped = server.stop(5_000);
  await new Promise((resolve) => setTimeout(resolve, 50));
  await assert.rejects(fetch(`${server.url}/health`), 'no new connections while stopping');
  release();

  const response = await inFlight;
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { finished: true });
  await stopped;
  await assert.rejects(server.db.owner`select 1`, 'the database is closed');
});
