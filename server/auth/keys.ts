import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Database } from '../db/database.ts';

/** The server's signing keys: the newest signs, every one not retired verifies (so rotation breaks no session). */
export interface KeyStore {
  signing(): { kid: string; key: CryptoKey };
  /** The verification key for `kid`, only from our own set (SECURITY.md 9). */
  verification(kid: string): CryptoKey | undefined;
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
  const verification = new Map<string, CryptoKey>();
  for (const row of rows) verification.set(row.kid, (await importJWK(row.public_jwk, 'ES256')) as CryptoKey);
  const newest = rows[0]!;
  const signingKey = (await importJWK(newest.private_jwk, 'ES256')) as CryptoKey;
  return {
    signing: () => ({ kid: newest.kid, key: signingKey }),
    verification: (kid) => verification.get(kid),
    jwks: () => ({ keys: rows.map((row) => row.public_jwk) }),
  };
}

function readKeys(db: Database): Promise<KeyRow[]> {
  return db.withoutTenant((tx) => tx<KeyRow[]>`select kid, private_jwk, public_jwk from signing_keys where retired_at is null order by created_at desc`);
}
