import { ApiError, type AdminApi, type MailPreview, type OutboxItem, type StaffMe } from '../admin-api.ts';
import { fixtureMe, type DemoTenant } from '../team/fixtures.ts';
import type { Locale } from '../../core/i18n.ts';

/** Mail of the two demo tenants, for `<admin-mail>`'s tests and stories. */

/** The templates the server lists (`MAIL_TEMPLATES`). */
export const FIXTURE_TEMPLATES = [
  'activation',
  'staff-setup',
  'test-mail',
  'register-code',
  'first-access',
  'reset',
  'magic-link',
  'sign-in-code',
  'request-update',
  'process-update',
  'document-new',
  'appointment-booked',
  'appointment-cancelled',
];

/** Who is signed in: an owner, with the staff-only `mail:write`. */
export function fixtureMailMe(tenant: DemoTenant = 'clinica-sol', overrides: Partial<StaffMe> = {}): StaffMe {
  const me = fixtureMe({}, tenant);
  return { ...me, scopes: [...new Set([...me.scopes, 'mail:write' as const])], ...overrides };
}

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();

function mail(id: number, to: string, template: string, locale: Locale, status: OutboxItem['status'], minutesAgo: number, extra: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id,
    to,
    template,
    locale,
    status,
    attempts: status === 'sent' ? 1 : 0,
    lastError: null,
    createdAt: ago(minutesAgo),
    sentAt: status === 'sent' ? ago(minutesAgo - 1) : null,
    nextAttemptAt: status === 'pending' ? ago(-2) : null,
    ...extra,
  };
}

/** The outbox, newest first: sent, waiting (one after a failed attempt) and failed mail. */
export function fixtureOutbox(tenant: DemoTenant = 'clinica-sol'): OutboxItem[] {
  if (tenant === 'martins-castro') {
    return [
      mail(412, 'lucia.perez@example.es', 'process-update', 'es', 'sent', 15),
      mail(411, 'mateus.oliveira@example.com', 'appointment-booked', 'pt-BR', 'sent', 90),
      mail(409, 'jorge@atlantico-importadora.example', 'activation', 'es', 'failed', 60 * 26, {
        attempts: 5,
        lastError: '550 5.1.1 <jorge@atlantico-importadora.example>: Recipient address rejected: User unknown',
      }),
    ];
  }
  return [
    mail(1208, 'carla.mendes@metalurgicahorizonte.example', 'appointment-booked', 'pt-BR', 'pending', 1),
    mail(1207, 'rh@transportesrapidosul.example', 'document-new', 'pt-BR', 'pending', 12, { attempts: 2, lastError: 'connect ETIMEDOUT 203.0.113.25:587' }),
    mail(1206, 'ana@example.com', 'magic-link', 'pt-BR', 'sent', 40),
    mail(1205, 'joao.pereira@metalurgicahorizonte.example', 'appointment-cancelled', 'pt-BR', 'sent', 180),
    mail(1203, 'contato@antiga-empresa.example', 'activation', 'pt-BR', 'failed', 60 * 30, { attempts: 5, lastError: '550 5.1.1 Mailbox does not exist' }),
    mail(1202, 'paulo.lima@transportesrapidosul.example', 'request-update', 'en', 'sent', 60 * 48),
  ];
}

/** Older mail, the page after {@link fixtureOutbox}. */
export function fixtureOlderOutbox(): OutboxItem[] {
  return [mail(1199, 'financeiro@metalurgicahorizonte.example', 'reset', 'pt-BR', 'sent', 60 * 24 * 6), mail(1190, 'renata.alves@example.com', 'first-access', 'es', 'sent', 60 * 24 * 9)];
}

const SUBJECTS: Record<Locale, string> = {
  'pt-BR': 'Clínica Sol: redefinição de senha',
  es: 'Clínica Sol: restablecer la contraseña',
  en: 'Clínica Sol: reset your password',
};

/** A template rendered as the server does, in a plain layout with the brand colour. */
export function fixturePreview(template: string, locale: Locale): MailPreview {
  const reset = template === 'reset';
  const subject = reset ? SUBJECTS[locale] : `Clínica Sol: ${template}`;
  const body = reset
    ? { 'pt-BR': 'Recebemos um pedido para redefinir sua senha. O link vale por 30 minutos.', es: 'Recibimos una solicitud para restablecer su contraseña. El enlace vale 30 minutos.', en: 'We received a request to reset your password. The link is valid for 30 minutes.' }[locale]
    : { 'pt-BR': `Visualização do modelo “${template}” com dados de exemplo.`, es: `Vista previa de la plantilla «${template}» con datos de ejemplo.`, en: `Preview of the “${template}” template with sample data.` }[locale];
  const button = reset ? { 'pt-BR': 'Redefinir senha', es: 'Restablecer contraseña', en: 'Reset password' }[locale] : { 'pt-BR': 'Abrir o portal', es: 'Abrir el portal', en: 'Open the portal' }[locale];
  const html = `<!doctype html><html lang="${locale}"><body style="margin:0;padding:24px;background:#f4f4f5;font-family:Arial,sans-serif">
      <div style="max-width:560px;margin:auto;background:#ffffff;border-radius:8px;padding:24px"><h1 style="font-size:20px">Clínica Sol</h1>
      <p>${body}</p><p><a href="https://www.example.com/portal#preview" style="background:#0b6e4f;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none">${button}</a></p></div>
      <script>document.body.dataset.scripted = 'yes'</script></body></html>`;
  return {
    template,
    locale,
    subject,
    html,
    text: `Clínica Sol\n\n${body}\n\n${button}: https://www.example.com/portal#preview\n`,
    // The server gives a signed address of its own; a fixture has no server, so the page travels in the address.
    htmlUrl: `data:text/html;charset=utf-8,${encodeURIComponent(html)}`,
  };
}

export type MailFixtureState = 'ready' | 'loading' | 'empty' | 'error';

/**
 * A `request` for `fakeAdminApi` that answers the mail endpoints from the fixtures. The test mail gets id 1209; its
 * look-ups answer `pending` `pendingLookups` times, then `testOutcome`.
 */
export function mailRequest(options: { tenant?: DemoTenant; state?: MailFixtureState; testOutcome?: 'sent' | 'failed' | 'pending'; pendingLookups?: number } = {}): AdminApi['request'] {
  const state = options.state ?? 'ready';
  const outbox = fixtureOutbox(options.tenant);
  let lookups = 0;
  const answer = <T>(value: T, empty: T): Promise<T> =>
    state === 'loading' ? new Promise(() => {}) : state === 'error' ? Promise.reject(new ApiError('network_error', 0, 'fixture')) : Promise.resolve(state === 'empty' ? empty : value);
  return (async (method: string, path: string) => {
    const url = new URL(path, 'http://portico.test');
    const route = `${method} ${url.pathname}`;
    const query = url.searchParams;
    if (route === 'GET /api/v1/mail/outbox' && query.get('limit') === '1') {
      lookups++;
      const status = lookups > (options.pendingLookups ?? 1) ? (options.testOutcome ?? 'sent') : 'pending';
      const lastError = status === 'failed' ? 'Invalid login: 535 5.7.8 Username and Password not accepted' : null;
      return { items: [mail(Number(query.get('before')) - 1, 'marta@clinicasol.example', 'test-mail', 'pt-BR', status, 0, { lastError, attempts: status === 'failed' ? 5 : 0 })], next: null };
    }
    if (route === 'GET /api/v1/mail/outbox') {
      const status = query.get('status');
      if (query.get('before')) return answer({ items: fixtureOlderOutbox().filter((item) => !status || item.status === status), next: null }, { items: [], next: null });
      const items = outbox.filter((item) => !status || item.status === status);
      return answer({ items, next: status ? null : 1200 }, { items: [], next: null });
    }
    if (route === 'GET /api/v1/mail/templates') return answer({ items: FIXTURE_TEMPLATES }, { items: [] });
    const preview = /^GET \/api\/v1\/mail\/templates\/([\w-]+)\/preview$/.exec(route);
    if (preview) return answer(fixturePreview(preview[1]!, (query.get('locale') as Locale) ?? 'pt-BR'), fixturePreview(preview[1]!, 'pt-BR'));
    if (/^POST \/api\/v1\/mail\/outbox\/\d+\/retry$/.test(route)) return { status: 'pending' };
    if (route === 'POST /api/v1/mail/test') return { id: 1209 };
    throw new ApiError('not_found', 404, `fixture: no route for ${route}`);
  }) as AdminApi['request'];
}
