import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { AppError } from '../../http/problem.ts';
import { actorOf } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import { enqueueMail } from '../../mail/outbox.ts';
import { MAIL_SAMPLES } from '../../mail/samples.ts';
import { isMailTemplate, MAIL_TEMPLATES, renderMail } from '../../mail/templates.ts';
import { LOCALES, type Locale } from '../tenants/schemas.ts';
import type { KeyStore } from '../../auth/keys.ts';
import type { MailTemplate } from '../../mail/templates.ts';
import { readPreview, signPreview } from './mail-preview-links.ts';
import { adminRouteDocs as doc } from './route-docs.ts';
import { outboxQuery, testMailInput, type MailPreview, type OutboxItem } from './schemas.ts';

/**
 * `/api/v1/mail` (G5, G6): the outbox as staff follow it — delivery status, errors, a retry — the templates rendered
 * in the portal's branding, and a test mail through the same way out as every other.
 */
export function mailRoutes(deps: { db: Database; keys: KeyStore; clock: () => Date; wakeMail: () => void; publicUrl: string }) {
  const { db, clock } = deps;
  const mail = requireIntegration(deps, 'mail:write');
  const publicOrigin = new URL(deps.publicUrl).origin;
  // The preview page: the mail's own inline styles and images, nothing else, inside the console only; `sandbox`
  // gives it an opaque origin even if opened on its own.
  const previewPolicy = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `img-src 'self' ${publicOrigin} data: https:`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    'sandbox',
  ].join('; ');
  /** A template rendered with its sample data in one portal's name and branding. */
  const render = async (tenantId: string, name: MailTemplate, locale: Locale) => {
    const [brand] = await db.withTenant(tenantId, (tx) => tx<{ name: string; logo_url: string | null; primary_color: string }[]>`
      select name, logo_url, primary_color from tenants where id = portico_current_tenant()`);
    if (!brand) return undefined;
    const logoUrl = brand.logo_url ? new URL(brand.logo_url, deps.publicUrl).href : null;
    return renderMail(name, locale, MAIL_SAMPLES[name] as never, { name: brand.name, logoUrl, primaryColor: brand.primary_color });
  };
  return new Hono()
    .get('/outbox', doc.outbox, mail, validate('query', outboxQuery), async (c) => {
      const { status, before, limit } = c.req.valid('query');
      const rows = await db.withTenant(
        c.get('tenant').id,
        (tx) => tx<(OutboxItem & { nextAttemptAt: Date | null; createdAt: Date; sentAt: Date | null })[]>`
          select id::int as id, recipient as "to", template, locale, status, attempts, last_error as "lastError", created_at as "createdAt", sent_at as "sentAt",
                 case when status = 'pending' then next_attempt_at end as "nextAttemptAt"
            from outbox
           where tenant_id = portico_current_tenant() ${status ? tx`and status = ${status}` : tx``} ${before ? tx`and id < ${before}` : tx``}
           order by id desc limit ${limit + 1}`,
      );
      const items = rows.slice(0, limit).map((row) => ({
        ...row,
        createdAt: row.createdAt.toISOString(),
        sentAt: row.sentAt?.toISOString() ?? null,
        nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
      }));
      return c.json({ items, next: rows.length > limit ? items.at(-1)!.id : null });
    })
    .post('/outbox/:id/retry', doc.retryMail, mail, validate('param', z.object({ id: z.coerce.number().int().positive() })), async (c) => {
      const { id } = c.req.valid('param');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        const [row] = await tx<{ status: string }[]>`select status from outbox where id = ${id} and tenant_id = portico_current_tenant() for update`;
        if (!row) throw new AppError('not_found', 404, 'No such mail');
        if (row.status === 'sent') throw new AppError('mail_already_sent', 409, 'This mail was already sent');
        await tx`update outbox set status = 'pending', next_attempt_at = ${clock()}, attempts = case when status = 'failed' then 0 else attempts end where id = ${id}`;
        await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id)
                 values (portico_current_tenant(), ${actorOf(c).type}, ${actorOf(c).id}, 'mail-retried', 'outbox', ${String(id)})`;
      });
      deps.wakeMail();
      return c.json({ status: 'pending' }, 202);
    })
    .get('/templates', doc.templates, mail, (c) => c.json({ items: MAIL_TEMPLATES }))
    .get('/templates/:name/preview', doc.previewTemplate, mail, validate('query', z.object({ locale: z.enum(LOCALES).optional() }).strict()), async (c) => {
      const name = c.req.param('name');
      if (!isMailTemplate(name)) throw new AppError('not_found', 404, 'No such mail template');
      const tenant = c.get('tenant');
      const locale: Locale = c.req.valid('query').locale ?? tenant.locale;
      const rendered = (await render(tenant.id, name, locale))!;
      const token = await signPreview(deps.keys, { tenantId: tenant.id, template: name, locale }, clock());
      // A path on this server, so the console's frame loads it from the console's own origin (framed by 'self').
      const htmlUrl = `/api/v1/mail/templates/preview/${token}`;
      return c.json({ template: name, locale, subject: rendered.subject, html: rendered.html, text: rendered.text, htmlUrl } satisfies MailPreview);
    })
    .get('/templates/preview/:token', doc.previewPage, async (c) => {
      const grant = await readPreview(deps.keys, c.req.param('token'), clock());
      const rendered = await render(grant.tenantId, grant.template, grant.locale);
      if (!rendered) throw new AppError('invalid_link', 403, 'This preview address is not valid');
      c.header('Content-Security-Policy', previewPolicy);
      c.header('X-Frame-Options', 'SAMEORIGIN');
      return c.html(rendered.html);
    })
    .post('/test', doc.testMail, mail, validate('json', testMailInput), async (c) => {
      const tenant = c.get('tenant');
      const { to, locale } = c.req.valid('json');
      const staff = c.get('staff');
      const id = await db.withTenant(tenant.id, async (tx) => {
        const key = `test-mail:${clock().getTime()}:${crypto.randomUUID()}`;
        await enqueueMail(tx, { tenantId: tenant.id, dedupeKey: key, to: to.toLowerCase(), template: 'test-mail', locale: locale ?? tenant.locale, data: { sentBy: staff?.staff.name ?? 'Portico' } });
        const [row] = await tx<{ id: number }[]>`select id::int as id from outbox where tenant_id = portico_current_tenant() and dedupe_key = ${key}`;
        await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, data)
                 values (portico_current_tenant(), ${actorOf(c).type}, ${actorOf(c).id}, 'test-mail-sent', 'outbox', ${String(row!.id)}, ${tx.json({ to })})`;
        return row!.id;
      });
      deps.wakeMail();
      return c.json({ id }, 202);
    });
}
