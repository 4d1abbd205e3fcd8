import { hashPassword } from '../../server/auth/passwords.ts';
import { sha256 } from '../../server/auth/secrets.ts';
import type { Database } from '../../server/db/database.ts';
import type { PortalTenant } from '../../server/http/portal-auth.ts';
import { seedTenant, uniqueSlug } from './server.ts';

/** One tenant with the people the auth tests need. */
export interface IdentityFixture {
  tenant: { id: string; slug: string };
  /** Active, with a password, member of one company account (all establishments) and one person account. */
  rh: { id: string; email: string; password: string };
  /** Active, with a password, member of exactly one account. */
  solo: { id: string; email: string; password: string; accountId: string };
  company: { id: string };
  person: { id: string };
  /** An account whose contact e-mail has no portal user yet (first access, registration). */
  contactEmail: string;
  process: { id: string; number: string; accessKey: string };
}

/** The fixture's tenant as the auth services take it (links land on `https://x.example/`). */
export function portalTenantOf(f: IdentityFixture): PortalTenant {
  return { id: f.tenant.id, slug: f.tenant.slug, name: 'x', locale: 'pt-BR', currency: 'BRL', timeZone: 'America/Sao_Paulo', portalUrl: 'https://x.example/' };
}

/** Seeds a tenant (portal address set) with accounts, users and a process. */
export async function seedIdentity(db: Database): Promise<IdentityFixture> {
  const slug = uniqueSlug('auth');
  const tenant = await seedTenant(db, { slug, portalUrl: `https://www.${slug}.example/portal`, embedOrigins: [`https://www.${slug}.example`] });
  const sql = db.owner;
  const rhPassword = 'correct horse battery staple';
  const soloPassword = 'another long passphrase';
  const [company] = await sql<{ id: string }[]>`insert into accounts (tenant_id, kind, name, tax_id) values (${tenant.id}, 'company', 'Metalúrgica Horizonte Ltda', '11222333000181') returning id`;
  const [person] = await sql<{ id: string }[]>`insert into accounts (tenant_id, kind, name) values (${tenant.id}, 'person', 'Bruno Lima') returning id`;
  const contactEmail = `ana.${slug}@example.com`;
  await sql`insert into accounts (tenant_id, kind, name, email) values (${tenant.id}, 'person', 'Ana Souza', ${contactEmail})`;
  const [rh] = await sql<{ id: string }[]>`insert into portal_users (tenant_id, email, password_hash, status) values (${tenant.id}, ${`rh.${slug}@example.com`}, ${await hashPassword(rhPassword)}, 'active') returning id`;
  const [solo] = await sql<{ id: string }[]>`insert into portal_users (tenant_id, email, password_hash, status, locale) values (${tenant.id}, ${`solo.${slug}@example.com`}, ${await hashPassword(soloPassword)}, 'active', 'es') returning id`;
  await sql`insert into memberships (tenant_id, user_id, account_id) values (${tenant.id}, ${rh!.id}, ${company!.id}), (${tenant.id}, ${rh!.id}, ${person!.id}), (${tenant.id}, ${solo!.id}, ${person!.id})`;
  const number = String(1_000_000_000 + Math.floor(Math.random() * 8_999_999_999)).slice(0, 10);
  const accessKey = 'k3y-' + slug;
  const [process] = await sql<{ id: string }[]>`insert into processes (tenant_id, account_id, title, quick_access_number, access_key_hash) values (${tenant.id}, ${person!.id}, 'Nacionalidad', ${number}, ${sha256(accessKey)}) returning id`;
  return {
    tenant,
    rh: { id: rh!.id, email: `rh.${slug}@example.com`, password: rhPassword },
    solo: { id: solo!.id, email: `solo.${slug}@example.com`, password: soloPassword, accountId: person!.id },
    company: company!,
    person: person!,
    contactEmail,
    process: { id: process!.id, number, accessKey },
  };
}

/**
 * Gives the fixture's company two establishments, Matriz and Filial Contagem, and a user who reaches only the
 * branch (A11): the scope tests of every feature start here.
 */
export async function seedBranches(db: Database, f: IdentityFixture): Promise<{ matriz: string; filial: string; branchUser: { id: string; email: string; password: string } }> {
  const sql = db.owner;
  const established = await sql<{ id: string }[]>`
    insert into establishments (tenant_id, account_id, name) values (${f.tenant.id}, ${f.company.id}, 'Matriz'), (${f.tenant.id}, ${f.company.id}, 'Filial Contagem') returning id`;
  const [matriz, filial] = [established[0]!.id, established[1]!.id];
  const branchUser = { email: `filial.${f.tenant.slug}@example.com`, password: 'filial passphrase 2026' };
  const [user] = await sql<{ id: string }[]>`insert into portal_users (tenant_id, email, password_hash, status) values (${f.tenant.id}, ${branchUser.email}, ${await hashPassword(branchUser.password)}, 'active') returning id`;
  await sql`insert into memberships (tenant_id, user_id, account_id, all_establishments, establishment_ids) values (${f.tenant.id}, ${user!.id}, ${f.company.id}, false, ${[filial]}::uuid[])`;
  return { matriz, filial, branchUser: { id: user!.id, ...branchUser } };
}
