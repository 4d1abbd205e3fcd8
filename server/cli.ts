/**
 * The operator CLI: `npm run portico -- <command> …`. It runs the same services as the HTTP API, on the database
 * of DATABASE_URL (or the embedded one in DATA_DIR, when no server holds it). Mail it causes goes to the outbox and
 * is sent by the server. Each failure prints one line and exits with 1 (2 for a usage mistake).
 */
import { parseArgs } from 'node:util';
import { createApiToken, revokeApiToken, API_SCOPES, type ApiScope } from './auth/api-tokens.ts';
import { rotateSigningKey } from './auth/keys.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { loadMigrations, migrate } from './db/migrate.ts';
import { createAccount } from './features/accounts/service.ts';
import { email as emailSchema } from './features/auth/schemas.ts';
import { STAFF_ROLES } from './features/staff/schemas.ts';
import { createStaff } from './features/staff/service.ts';
import { createTenant } from './features/tenants/queries.ts';
import { newTenantSchema } from './features/tenants/schemas.ts';
import { inviteUser, resendActivation, sendMagicLinks, type Actor } from './features/users/service.ts';
import { PORTAL_TENANT_COLUMNS, type PortalTenant } from './http/portal-auth.ts';

const USAGE = `usage: npm run portico -- <command>
  tenant:create --slug S --name N [--locale pt-BR|es|en] [--currency BRL] [--time-zone Z] [--portal-url URL] [--origin O]…
  origin:add S ORIGIN
  account:create S --name N [--company] [--tax-id T] [--email E] [--establishment NAME]…
  user:invite S --email E --account ACCOUNT_ID [--establishment ID]… [--locale L]
  user:resend-activation S EMAIL
  token:create S --name N --scopes ${API_SCOPES.join(',')} [--expires-days D (90)]
  token:revoke S TOKEN_ID
  magic-links S [--account ACCOUNT_ID] [--profile-only]
  staff:create S --email E --name N [--role owner|admin|staff|read-only (owner)]   prints the console setup link (72 h)
  keys:rotate`;

class UsageError extends Error {}
const OPERATOR: Actor = { type: 'operator', id: process.env.USER ?? null };

async function tenantBySlug(db: Database, slug: string): Promise<PortalTenant> {
  const [tenant] = await db.withoutTenant(
    (tx) => tx<PortalTenant[]>`select ${tx.unsafe(PORTAL_TENANT_COLUMNS)} from tenants where slug = ${slug}`,
  );
  if (!tenant) throw new Error(`There is no tenant '${slug}'`);
  return tenant;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new UsageError(`missing ${what}`);
  return value;
}

async function run(db: Database, config: Config, command: string, args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      slug: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' }, currency: { type: 'string' },
      'time-zone': { type: 'string' }, 'portal-url': { type: 'string' }, origin: { type: 'string', multiple: true },
      email: { type: 'string' }, account: { type: 'string' }, establishment: { type: 'string', multiple: true },
      scopes: { type: 'string' }, 'expires-days': { type: 'string' }, 'profile-only': { type: 'boolean' },
      company: { type: 'boolean' }, 'tax-id': { type: 'string' }, role: { type: 'string' },
    },
  });
  const now = new Date();
  switch (command) {
    case 'tenant:create': {
      const parsed = newTenantSchema.safeParse({
        slug: values.slug, name: values.name, locale: values.locale, currency: values.currency, timeZone: values['time-zone'],
        portalUrl: values['portal-url'], embedOrigins: values.origin,
      });
      if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '));
      const id = await createTenant(db.owner, parsed.data);
      return `tenant ${parsed.data.slug} created (${id})`;
    }
    case 'origin:add': {
      const tenant = await tenantBySlug(db, need(positionals[0], 'tenant slug'));
      const origin = need(positionals[1], 'origin');
      if (!newTenantSchema.shape.embedOrigins.safeParse([origin]).success) throw new UsageError(`'${origin}' is not an origin such as https://www.example.com`);
      await db.owner`update tenants set embed_origins = array(select distinct unnest(embed_origins || ${[origin]}::text[])) where id = ${tenant.id}`;
      return `${origin} may now embed ${tenant.slug}`;
    }
    case 'account:create': {
      const tenant = await tenantBySlug(db, need(positionals[0], 'tenant slug'));
      const input = {
        kind: values.company ? ('company' as const) : ('person' as const),
        name: need(values.name, '--name'),
        taxId: values['tax-id'],
        email: values.email,
        establishments: values.company ? (values.establishment ?? []).map((name) => ({ name })) : undefined,
      };
      const result = await db.withTenant(tenant.id, (tx) => createAccount(tx, tenant, OPERATOR, input)).catch((error: Error) => {
        throw error.name === 'AppError' ? new UsageError(error.message) : error;
      });
      return `account ${result.id} created`;
    }
    case 'user:invite': {
      const tenant = await tenantBySlug(db, need(positionals[0], 'tenant slug'));
      const email = emailSchema.safeParse(need(values.email, '--email'));
      if (!email.success) throw new UsageError('--email is not an e-mail address');
      const input = { email: email.data, accountId: need(values.account, '--account'), establishmentIds: values.establishment, locale: values.locale as never };
      const result = await db.withTenant(tenant.id, (tx) => inviteUser(tx, tenant, OPERATOR, input, now));
      return `${email.data}: ${result.status}${result.activationSent ? ', activation e-mail queued' : ''} (user ${result.userId})`;
    }
    case 'user:resend-activation': {
      const tenant = await tenantBySlug(db, need(positionals[0], 'tenant slug'));
      const email = need(positionals[1], 'e-mail').toLowerCase();
      await db.withTenant(tenant.id, async (tx) => {
        const [user] = await tx<{ id: string }[]>`select id from portal_users where email = ${email}`;
        if (!user) throw new Error(`No user ${email} in ${tenant.slug}`);
        await resendActivation(tx, tenant, OPERATOR, user.id, now);
      });
      return `activation e-mail to ${email} queued`;
    }
    case 'token:create': {
      const tenant = await tenantBySlug(db, need(positionals[0], 'tenant slug'));
      const scopes = need(values.scopes, '--scopes').split(',').map((scope) => scope.trim());
      const unknown = scopes.filter((scope) => !(API_SCOPES as readonly string[]).includes(scope));
      if (unknown.length) throw new UsageError(`unknown scopes ${unknown.join(', ')} (known: ${API_SCOPES.join(', ')})`);
      const days = values['expires-days'] ? Number(values['expires-days']) : 90;
      if (!(Number.isInteger(days) && days > 0 && days <= 730)) throw new UsageError('--expires-days must be a whole number of days, at most 730');
      const expiresAt = new Date(now.getTime() + days * 86_400_000);
      const created = await db.withTenant(tenant.id, (tx) => createApiToken(tx, tenant.slug, { name: need(values.name, '--name'), scopes: scopes as ApiScope[], expiresAt }));
      return `token ${created.id}, valid until ${expiresAt.toISOString().slice(0, 10)} — shown once, keep it safe:\n${created.token}`;
    }
    case 'token:revoke': {
      const tenant = await tenantBySlug(db, need(positionals[0], 'tenant slug'));
      const id = need(positionals[1], 'token id');
      if (!/^[0-9a-f-]{36}$/.test(id)) throw new UsageError('the token id is a uuid');
      const revoked = await db.withTenant(tenant.id, (tx) => revokeApiToken(tx, id, now));
      if (!revoked) throw new Error(`No live token ${id} in ${tenant.slug}`);
      return `token ${id} revoked`;
    }
    case 'magic-links': {
      const tenant = await tenantBySlug(db, need(positionals[0], 'tenant slug'));
      const sent = await db.withTenant(tenant.id, (tx) => sendMagicLinks(tx, tenant, OPERATOR, { accountId: values.account, profileOnly: Boolean(values['profile-only']) }, now));
      return `${sent} magic link${sent === 1 ? '' : 's'} queued`;
    }
    case 'staff:create': {
      const tenant = await tenantBySlug(db, need(positionals[0], 'tenant slug'));
      const email = emailSchema.safeParse(need(values.email, '--email'));
      if (!email.success) throw new UsageError('--email is not an e-mail address');
      const role = values.role ?? 'owner';
      if (!(STAFF_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role is one of ${STAFF_ROLES.join(', ')}`);
      const name = need(values.name, '--name').trim();
      if (name.length > 120) throw new UsageError('--name is at most 120 characters');
      const consoleUrl = config.publicUrl ?? `http://localhost:${config.port}`;
      const { member, link } = await db
        .withTenant(tenant.id, (tx) => createStaff(tx, tenant, OPERATOR, { email: email.data, name, role: role as never, permissions: [] }, now, consoleUrl))
        .catch((error: Error) => {
          throw error.name === 'AppError' ? new Error(error.message) : error;
        });
      return `${member.email} (${member.role}) added to ${tenant.slug}. Open this link within 72 hours to choose a password and set up the second factor:\n${link}`;
    }
    case 'keys:rotate':
      return `new signing key ${await rotateSigningKey(db)}: servers take it up when they restart or first meet a token it signed`;
    default:
      throw new UsageError(command ? `unknown command '${command}'` : 'no command');
  }
}

async function main(): Promise<number> {
  const [command = '', ...args] = process.argv.slice(2);
  if (command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let db: Database | undefined;
  try {
    const config = loadConfig();
    db = await openDatabase(config);
    await migrate(db.owner, await loadMigrations());
    process.stdout.write(`${await run(db, config, command, args)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`portico: ${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`portico: ${(error as Error).message.split('\n')[0]}\n`);
    return 1;
  } finally {
    await db?.close();
  }
}

main().then((code) => process.exit(code));
