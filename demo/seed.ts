import { WEBHOOK_EVENT_TYPES } from '../server/features/webhooks/schemas.ts';
import { newWebhookSecret } from '../server/features/webhooks/signature.ts';
import { readFile } from 'node:fs/promises';
import { API_SCOPES } from '../server/auth/api-tokens.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { sha256 } from '../server/auth/secrets.ts';
import type { Database, Tx } from '../server/db/database.ts';
import type { Logger } from '../server/http/logger.ts';
import type { PortalTenant } from '../server/http/portal-auth.ts';
import { countTenants, createTenant } from '../server/features/tenants/queries.ts';
import { inviteUser } from '../server/features/users/service.ts';
import { CLINICA_SOL_PEOPLE, DEMO_API_TOKENS, DEMO_REQUESTS, DEMO_SIGN_INS, DEMO_STAFF, DEMO_TEAM, MARTINS_CASTRO_PEOPLE } from './people.ts';
import { demoTenants } from './tenants.ts';
import { seedClinicaSolAppointments, seedMartinsCastroAppointments } from './appointments.ts';
import { CLINICA_SOL_PROFILE, MARTINS_CASTRO_PROFILE, seedProfile } from './profile.ts';
import { CLINICA_SOL_CONTENT, MARTINS_CASTRO_CONTENT, seedContent } from './content.ts';
import { seedClinicaSolBilling, seedMartinsCastroBilling, type DemoFile } from './billing.ts';
import { storeDemoDocuments, storeDemoFiles } from './documents.ts';
import { clinicaSolDocuments, martinsCastroDocuments } from './document-data.ts';
import { CLINICA_SOL_CASES, CLINICA_SOL_TEMPLATES, MARTINS_CASTRO_CASES, MARTINS_CASTRO_TEMPLATES, seedProcesses } from './processes.ts';
import { newQuickAccess } from '../server/features/processes/access.ts';
import type { Storage } from '../server/storage/storage.ts';

/**
 * Seeds the demo tenants and their people on an empty database, all in one transaction (a crash half-way leaves
 * nothing, and the next start seeds again); a database that has any tenant is left alone.
 */
export async function seedDemoIfEmpty(db: Database, url: string, storage: Storage, extraOrigins: string[], logger: Logger): Promise<void> {
  const hashes = {
    rh: await hashPassword(DEMO_SIGN_INS['clinica-sol'].password),
    lucia: await hashPassword(DEMO_SIGN_INS['martins-castro'].password),
    'clinica-sol': await hashPassword(DEMO_STAFF['clinica-sol'].password),
    'martins-castro': await hashPassword(DEMO_STAFF['martins-castro'].password),
  };
  const now = new Date();
  const seeded = await db.owner.begin(async (tx) => {
    await tx`lock table tenants in share row exclusive mode`;
    if ((await countTenants(tx)) > 0) return false;
    for (const tenant of demoTenants(url, extraOrigins)) {
      const id = await createTenant(tx, tenant);
      // The owner is not held back by RLS, but the shared queries take the tenant from the transaction's context.
      await tx`select set_config('app.tenant_id', ${id}, true)`;
      const portal: PortalTenant = { id, slug: tenant.slug, name: tenant.name, locale: tenant.locale ?? 'pt-BR', currency: tenant.currency ?? 'BRL', timeZone: tenant.timeZone ?? 'America/Sao_Paulo', portalUrl: tenant.portalUrl ?? null };
      const files = tenant.slug === 'clinica-sol' ? await seedClinicaSol(tx, storage, portal, hashes.rh, now) : await seedMartinsCastro(tx, storage, id, portal.timeZone, hashes.lucia, now);
      await storeDemoFiles(tx, storage, id, files);
      // The PNG of the demo's SVG logo, drawn on the PDFs the server makes (guides, statements, boletos).
      const logo = await readFile(new URL(`./${tenant.slug}/logo.png`, import.meta.url));
      await tx`insert into tenant_logos (tenant_id, content_type, bytes) values (${id}, 'image/png', ${logo})`;
      await seedRequestsAndToken(tx, tenant.slug as keyof typeof DEMO_REQUESTS, now);
      // Every event goes to the demo's own receiver, which checks the signature and lists them at /dev/webhooks.
      await tx`insert into webhook_endpoints (tenant_id, url, description, events, secret)
               values (portico_current_tenant(), ${`${url}/dev/webhooks/${tenant.slug}`}, 'Demo receiver (see /dev/webhooks)', ${[...WEBHOOK_EVENT_TYPES]}, ${newWebhookSecret()})`;
      const owner = DEMO_STAFF[tenant.slug as keyof typeof DEMO_STAFF];
      await tx`insert into staff_users (tenant_id, email, name, role, password_hash, status, totp_secret)
               values (portico_current_tenant(), ${owner.email}, ${owner.name}, 'owner', ${hashes[tenant.slug as keyof typeof DEMO_STAFF]}, 'active', ${owner.totpSecret})`;
      for (const member of DEMO_TEAM[tenant.slug as keyof typeof DEMO_TEAM]) {
        await tx`insert into staff_users (tenant_id, email, name, role, permissions, status)
                 values (portico_current_tenant(), ${member.email}, ${member.name}, ${member.role}, ${[...member.permissions]}, ${member.status})`;
      }
    }
    return true;
  });
  if (seeded) logger.info('demo tenants seeded');
}

async function seedClinicaSol(tx: Tx, storage: Storage, tenant: PortalTenant, rhHash: string, now: Date): Promise<DemoFile[]> {
  const { company, pendingBranchUser, firstAccessPerson } = CLINICA_SOL_PEOPLE;
  const [account] = await tx<{ id: string }[]>`insert into accounts (tenant_id, kind, name, tax_id) values (portico_current_tenant(), 'company', ${company.name}, ${company.taxId}) returning id`;
  const establishments: Record<string, string> = {};
  for (const name of company.establishments) {
    const [row] = await tx<{ id: string }[]>`insert into establishments (tenant_id, account_id, name) values (portico_current_tenant(), ${account!.id}, ${name}) returning id`;
    establishments[name] = row!.id;
  }
  const [rh] = await tx<{ id: string }[]>`
    insert into portal_users (tenant_id, email, password_hash, status, email_verified_at)
    values (portico_current_tenant(), ${DEMO_SIGN_INS['clinica-sol'].email}, ${rhHash}, 'active', ${now}) returning id`;
  await tx`insert into memberships (tenant_id, user_id, account_id) values (portico_current_tenant(), ${rh!.id}, ${account!.id})`;
  // Invited to the branch only, and waiting for activation: its e-mail shows at /dev/mail.
  await inviteUser(tx, tenant, { type: 'operator', id: 'demo-seed' }, { email: pendingBranchUser, accountId: account!.id, establishmentIds: [establishments['Filial Contagem']!] }, now);
  const [ana] = await tx<{ id: string }[]>`insert into accounts (tenant_id, kind, name, tax_id, email)
           values (portico_current_tenant(), 'person', ${firstAccessPerson.name}, ${firstAccessPerson.taxId}, ${firstAccessPerson.email}) returning id`;
  const access = newQuickAccess();
  const [pgr] = await tx<{ id: string }[]>`
    insert into processes (tenant_id, account_id, title, quick_access_number, access_key_hash)
    values (portico_current_tenant(), ${account!.id}, 'Renovação do PGR 2026 — Metalúrgica Horizonte', ${access.number}, ${sha256(access.accessKey)}) returning id`;
  await seedProcesses(tx, CLINICA_SOL_TEMPLATES, CLINICA_SOL_CASES.map((item) => ({ ...item, number: access.number, processId: pgr!.id })), now);
  await storeDemoDocuments(tx, storage, tenant.id, await clinicaSolDocuments(tx, account!.id, establishments, now));
  // The company confirmed its data two months ago; Ana, who has not used the portal yet, will be asked to.
  await seedProfile(
    tx,
    CLINICA_SOL_PROFILE,
    [
      { id: account!.id, values: { capitalSocial: 250_000_000 }, address: { street: 'Av. das Indústrias', number: '1200', district: 'Distrito Industrial', city: 'Campinas', region: 'SP', postalCode: '13069-280', country: 'BR' }, confirmedDaysAgo: 60,
        pending: { field: 'name', before: 'Metalúrgica Horizonte Ltda', after: 'Metalúrgica Horizonte Indústria e Comércio Ltda', daysAgo: 2 } },
      { id: ana!.id, values: { convenio: 'particular' }, address: { street: 'Rua Coronel Quirino', number: '845', complement: 'apto 42', district: 'Cambuí', city: 'Campinas', region: 'SP', postalCode: '13025-001', country: 'BR' } },
    ],
    now,
  );
  await seedContent(tx, storage, tenant.id, CLINICA_SOL_CONTENT, account!.id, now);
  // G3: Ana, a patient, has no company documents or billing in the portal (switched off for her account only).
  await tx`insert into account_modules (tenant_id, account_id, module, enabled) values (portico_current_tenant(), ${ana!.id}, 'billing', false), (portico_current_tenant(), ${ana!.id}, 'documents', false)`;
  await seedClinicaSolAppointments(tx, tenant.timeZone, { userId: rh!.id, accountId: account!.id, establishmentId: establishments.Matriz!, otherAccountId: ana!.id }, now);
  return seedClinicaSolBilling(tx, account!.id, establishments, now);
}

async function seedMartinsCastro(tx: Tx, storage: Storage, tenantId: string, timeZone: string, luciaHash: string, now: Date): Promise<DemoFile[]> {
  const { person, processes } = MARTINS_CASTRO_PEOPLE;
  const [account] = await tx<{ id: string }[]>`insert into accounts (tenant_id, kind, name, tax_id) values (portico_current_tenant(), 'person', ${person.name}, ${person.taxId}) returning id`;
  const [lucia] = await tx<{ id: string }[]>`
    insert into portal_users (tenant_id, email, password_hash, status, locale, email_verified_at)
    values (portico_current_tenant(), ${DEMO_SIGN_INS['martins-castro'].email}, ${luciaHash}, 'active', 'es', now()) returning id`;
  await tx`insert into memberships (tenant_id, user_id, account_id) values (portico_current_tenant(), ${lucia!.id}, ${account!.id})`;
  const ids = new Map<string, string>();
  for (const process of processes) {
    const [row] = await tx<{ id: string }[]>`insert into processes (tenant_id, account_id, title, quick_access_number, access_key_hash)
             values (portico_current_tenant(), ${account!.id}, ${process.title}, ${process.number}, ${sha256(process.accessKey)}) returning id`;
    ids.set(process.number, row!.id);
  }
  await seedProcesses(tx, MARTINS_CASTRO_TEMPLATES, MARTINS_CASTRO_CASES.map((item) => ({ ...item, processId: ids.get(item.number)! })), now);
  await storeDemoDocuments(tx, storage, tenantId, await martinsCastroDocuments(tx, account!.id, now));
  await seedProfile(tx, MARTINS_CASTRO_PROFILE, [{ id: account!.id, values: { pasaporte: 'AB1234567', nacionalidad: 'Argentina' }, address: { street: 'Calle de Fuencarral', number: '98', complement: '3.º B', city: 'Madrid', region: 'Madrid', postalCode: '28004', country: 'ES' }, pending: { field: 'pasaporte', before: 'AB1234567', after: 'XD9876543', daysAgo: 1 } }], now);
  await seedContent(tx, storage, tenantId, MARTINS_CASTRO_CONTENT, account!.id, now);
  await seedMartinsCastroAppointments(tx, timeZone, { userId: lucia!.id, accountId: account!.id }, now);
  return seedMartinsCastroBilling(tx, account!.id, now);
}

/** A few requests in each inbox (one already answered), and the demo API token. */
async function seedRequestsAndToken(tx: Tx, slug: keyof typeof DEMO_REQUESTS, now: Date): Promise<void> {
  const [author] = await tx<{ id: string; account_id: string }[]>`
    select u.id, m.account_id from portal_users u join memberships m on m.user_id = u.id
     where u.email = ${DEMO_SIGN_INS[slug].email} limit 1`;
  for (const [i, request] of DEMO_REQUESTS[slug].entries()) {
    const created = new Date(now.getTime() - (DEMO_REQUESTS[slug].length - i) * 86_400_000);
    const [row] = await tx<{ id: string }[]>`
      insert into requests (tenant_id, account_id, author_id, category, subject, description, status, created_at, updated_at)
      values (portico_current_tenant(), ${author!.account_id}, ${author!.id}, ${request.category}, ${request.subject}, ${request.description},
              ${'reply' in request ? 'answered' : 'open'}, ${created}, ${created})
      returning id`;
    if ('reply' in request) {
      await tx`insert into request_messages (tenant_id, request_id, author_type, author_name, body, created_at)
               values (portico_current_tenant(), ${row!.id}, 'staff', 'Atendimento', ${request.reply}, ${created})`;
    }
  }
  await tx`insert into api_tokens (tenant_id, name, token_prefix, token_hash, scopes, expires_at)
           values (portico_current_tenant(), 'Demo', ${DEMO_API_TOKENS[slug].slice(0, slug.length + 9)}, ${sha256(DEMO_API_TOKENS[slug])},
                   ${API_SCOPES as unknown as string[]},
                   ${new Date(now.getTime() + 365 * 86_400_000)})`;
}
