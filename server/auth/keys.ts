import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Database } from '../db/database.ts';

/** The server's signing keys: the newest signs, every one not retired verifies (so rotation breaks no session). */
export interface KeyStore {
  signing(): { kid: string; key: CryptoKey };
  /**
   * The verification key for `kid`, only from our own set (SECURITY.md 9). An unknown kid makes the store re-read
   * the database (at most once a second), so a key rotated by another instance or the CLI is picked up.
   */
  verification(kid: string): Promise<CryptoKey | undefined>;
  /** The public keys, as served at `/.well-known/jwks.json`. */
  jwks(): { keys: JWK[] };
}

interface KeyRow {
  kid: string;
  private_jwk: JWK;
  public_jwk: JWK;
}

/** Loads the keys, creating the first one on a fresh database. */
export async function loadKeyStore(db: Database): Promise<KeyStore> {
  let rows = await readKeys(db);
  if (rows.length === 0) {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = randomBytes(12).toString('base64url');
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    // Two instances starting at once: whoever inserts first wins, the other reads its key.
    await db.owner`insert into signing_keys (kid, private_jwk, public_jwk)
                   select ${kid}, ${privateJwk as never}, ${publicJwk as never}
                   where not exists (select 1 from signing_keys where retired_at is null)`;
    rows = await readKeys(db);
  }
  let state = await importKeys(rows);
  let lastRead = Date.now();
  return {
    signing: () => state.signing,
    async verification(kid) {
      // Re-read every minute (a retired key stops verifying, a new one starts signing everywhere), and at once —
      // at most every second — when a token names a key this instance has not seen yet.
      const age = Date.now() - lastRead;
      if (age > 60_000 || (!state.verification.has(kid) && age > 1_000)) {
        lastRead = Date.now();
        state = await importKeys(await readKeys(db));
      }
      return state.verification.get(kid);
    },
    jwks: () => ({ keys: state.rows.map((row) => row.public_jwk) }),
  };
}

async function importKeys(rows: KeyRow[]) {
  const verification = new Map<string, CryptoKey>();
  for (const row of rows) verification.set(row.kid, (await importJWK(row.public_jwk, 'ES256')) as CryptoKey);
  const newest = rows[0]!;
  return { rows, verification, signing: { kid: newest.kid, key: (await importJWK(newest.private_jwk, 'ES256')) as CryptoKey } };
}

/**
 * Adds a new signing key; keys it superseded more than an hour ago (long after their last token expired) retire.
 * Running servers sign with the new key after their next restart and verify it at once (see `verification`).
 */
export async function rotateSigningKey(db: Database): Promise<string> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomBytes(12).toString('base64url');
  await db.owner.begin(async (tx) => {
    await tx`update signing_keys set retired_at = now()
              where retired_at is null and created_at < (select max(created_at) from signing_keys) and
                    (select max(created_at) from signing_keys) < now() - interval '1 hour'`;
    await tx`insert into signing_keys (kid, private_jwk, public_jwk) values (${kid},
             ${{ ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' } as never},
             ${{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } as never})`;
  });
  return kid;
}

/** Private keys are read by the owner connection only: the role requests run as cannot see them. */
function readKeys(db: Database): Promise<KeyRow[]> {
  return db.owner<KeyRow[]>`select kid, private_jwk, public_jwk from signing_keys where retired_at is null order by created_at desc`;
}
