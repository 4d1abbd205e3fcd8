import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { portalTenant, profileUserOf, requirePrincipal } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { validate } from '../../http/validate.ts';
import { accountFor } from '../accounts/visibility.ts';
import type { AuthDeps } from '../auth/service.ts';
import * as requests from '../requests/queries.ts';
import type { Locale } from '../tenants/schemas.ts';
import { exportAccountData } from './export.ts';
import { loadAccount, readProfile } from './queries.ts';
import { portalProfileRouteDocs as doc } from './route-docs.ts';
import { changeInput, privacyRequestInput, type ChangeResult, type PrivacyRequestAnswer } from './schemas.ts';
import { applyChanges } from './service.ts';

const accountQuery = z.object({ accountId: z.uuid().optional(), locale: z.enum(['pt-BR', 'es', 'en']).optional() });

/** How long the law gives the business to answer a data-protection request: LGPD art. 19 (15 days), GDPR art. 12 (one month). */
const PRIVACY_DAYS: Record<string, number> = { BRL: 15 };
const PRIVACY_COPY: Record<Locale, { correction: string; deletion: string }> = {
  'pt-BR': { correction: 'LGPD: pedido de correção de dados', deletion: 'LGPD: pedido de exclusão de dados' },
  es: { correction: 'RGPD: solicitud de rectificación de datos', deletion: 'RGPD: solicitud de supresión de datos' },
  en: { correction: 'Data protection: correction request', deletion: 'Data protection: deletion request' },
};

/**
 * `/api/portal/profile`: the account's registration data as its client sees and keeps it (P1–P5) — from a full
 * session or from an e-mailed link that opens only the profile — its confirmation, and the client's data rights.
 */
export function portalProfileRoutes(deps: AuthDeps & { wakeMail: () => void }) {
  const { db, clock } = deps;
  const localeOf = (c: Context, asked?: Locale): Locale => asked ?? c.get('tenant').locale;
  const who = (c: Context) => ({ type: 'client' as const, id: profileUserOf(c.get('principal')) });
  /** The account the client acts on (one they reach), loaded with its values. */
  const account = async (tx: Tx, c: Context, named?: string) => {
    const found = await accountFor(tx, profileUserOf(c.get('principal')), named, c.get('principal').accountId);
    return (await loadAccount(tx, found.id))!;
  };

  return new Hono()
    .use(portalTenant(db), requirePrincipal(deps, ['portal']))
    .get('/', doc.get, validate('query', accountQuery), async (c) => {
      const { accountId, locale } = c.req.valid('query');
      return c.json(await db.withTenant(c.get('tenant').id, async (tx) => readProfile(tx, await account(tx, c, accountId), localeOf(c, locale), clock())));
    })
    .patch('/', doc.patch, validate('query', accountQuery), validate('json', changeInput), async (c) => {
      const { accountId, locale } = c.req.valid('query');
      const tenant = c.get('tenant');
      const result = await db.withTenant(tenant.id, async (tx): Promise<ChangeResult> => {
        const found = await account(tx, c, accountId);
        const outcome = await applyChanges(tx, { tenant, account: found, values: c.req.valid('json').values, actor: who(c), client: { userId: who(c).id }, now: clock() });
        return { ...outcome, profile: await readProfile(tx, (await loadAccount(tx, found.id))!, localeOf(c, locale), clock()) };
      });
      return c.json(result);
    })
    .post('/confirm', doc.confirm, validate('query', accountQuery), async (c) => {
      const { accountId, locale } = c.req.valid('query');
      const profile = await db.withTenant(c.get('tenant').id, async (tx) => {
        const found = await account(tx, c, accountId);
        const before = await readProfile(tx, found, localeOf(c, locale), clock());
        const empty = before.fields.filter((field) => field.required && (field.value === null || field.value === ''));
        if (empty.length) throw new AppError('profile_incomplete', 422, 'Fill in the required fields before confirming', empty.map((field) => ({ path: `values.${field.key}`, message: 'is required' })));
        await tx`insert into profile_confirmations (tenant_id, account_id, user_id, confirmed_at) values (portico_current_tenant(), ${found.id}, ${who(c).id}, ${clock()})`;
        await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, created_at)
                 values (portico_current_tenant(), 'client', ${who(c).id}, 'profile-confirmed', 'account', ${found.id}, ${clock()})`;
        return readProfile(tx, found, localeOf(c, locale), clock());
      });
      return c.json(profile);
    })
    .get('/export', doc.export, validate('query', accountQuery), async (c) => {
      const data = await db.withTenant(c.get('tenant').id, async (tx) => exportAccountData(tx, (await account(tx, c, c.req.valid('query').accountId)).id, clock()));
      c.header('Content-Disposition', `attachment; filename="my-data-${clock().toISOString().slice(0, 10)}.json"`);
      return c.json(data);
    })
    .post('/privacy-requests', doc.privacyRequest, validate('query', accountQuery), validate('json', privacyRequestInput), async (c) => {
      const tenant = c.get('tenant');
      const { kind, details } = c.req.valid('json');
      const now = clock();
      const answer = await db.withTenant(tenant.id, async (tx): Promise<PrivacyRequestAnswer> => {
        const found = await account(tx, c, c.req.valid('query').accountId);
        const requestId = await requests.insertRequest(
          tx,
          { accountId: found.id, establishmentId: null, authorId: who(c).id, category: 'profile-change', subject: PRIVACY_COPY[tenant.locale][kind], description: details },
          now,
        );
        await requests.audit(tx, who(c), 'request-created', requestId);
        const days = PRIVACY_DAYS[found.currency] ?? 30;
        return { requestId, deadline: new Date(now.getTime() + days * 86_400_000).toISOString() };
      });
      return c.json(answer, 201);
    });
}
