import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { PortalTenant } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { placeInAccount } from '../accounts/visibility.ts';
import { notifyAuthor } from '../requests/notify.ts';
import * as requests from '../requests/queries.ts';
import type { Locale } from '../tenants/schemas.ts';
import { findService, pick, providersOf } from './catalog.ts';
import type { AppointmentProposal, Localized, proposalInput } from './schemas.ts';

/** The request's subject and first message, in the tenant's language (staff read them). */
const COPY: Record<Locale, { subject: (service: string) => string; times: string; note: string }> = {
  'pt-BR': { subject: (service) => `Pedido de agendamento: ${service}`, times: 'Horários sugeridos', note: 'Observação' },
  es: { subject: (service) => `Solicitud de cita: ${service}`, times: 'Horarios propuestos', note: 'Observación' },
  en: { subject: (service) => `Appointment request: ${service}`, times: 'Proposed times', note: 'Note' },
};

/** `instant` as the tenant reads it: "terça-feira, 1 de dezembro de 2026 09:00". */
export function wallClock(instant: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(instant);
}

/**
 * Request mode (S1): the client's preferred times become a request of category `appointment` — the conversation
 * where staff confirm or refuse — and a proposal that remembers the service, provider and times.
 */
export async function proposeTimes(
  tx: Tx,
  input: { tenant: PortalTenant; userId: string; accountId: string; body: z.infer<typeof proposalInput>; now: Date },
): Promise<AppointmentProposal> {
  const { tenant, body, now } = input;
  const service = await findService(tx, body.service);
  if (!service) throw new AppError('not_found', 404, 'No such service', [{ path: 'service', message: 'is not a service offered here' }]);
  const [provider] = body.providerId ? await providersOf(tx, service.id, body.providerId) : [];
  if (body.providerId && !provider) throw new AppError('not_found', 404, 'No such provider for this service', [{ path: 'providerId', message: 'does not offer this service' }]);
  const times = [...new Set(body.times.map((time) => new Date(time).toISOString()))].sort();
  const past = body.times.findIndex((time) => new Date(time) <= now);
  if (past >= 0) throw new AppError('slot_in_past', 422, 'A proposed time has already passed', [{ path: `times.${past}`, message: 'is in the past' }]);
  const establishmentId = await placeInAccount(tx, input.userId, input.accountId, body.establishmentId);

  const copy = COPY[tenant.locale];
  const serviceName = pick(service.names, tenant.locale) ?? service.key;
  const description = [
    `${copy.times}:`,
    ...times.map((time) => `• ${wallClock(new Date(time), tenant.locale, tenant.timeZone)}${provider ? ` — ${provider.name}` : ''}`),
    ...(body.note ? ['', `${copy.note}: ${body.note}`] : []),
  ].join('\n');
  const requestId = await requests.insertRequest(
    tx,
    { accountId: input.accountId, establishmentId, authorId: input.userId, category: 'appointment', subject: copy.subject(serviceName).slice(0, 200), description },
    now,
  );
  await requests.audit(tx, { type: 'client', id: input.userId }, 'request-created', requestId);
  const [row] = await tx<{ id: string }[]>`
    insert into appointment_proposals (tenant_id, request_id, account_id, establishment_id, user_id, service_id, provider_id, times, note, created_at)
    values (portico_current_tenant(), ${requestId}, ${input.accountId}, ${establishmentId}, ${input.userId}, ${service.id}, ${provider?.id ?? null},
            ${times}::timestamptz[], ${body.note ?? null}, ${now})
    returning id`;
  const [proposal] = await proposalRows(tx, tx`p.id = ${row!.id}`, tenant.locale);
  return proposal!;
}

type Row = Omit<AppointmentProposal, 'service' | 'times'> & {
  serviceKey: string;
  serviceNames: Localized;
  times: Date[];
  userId: string | null;
  providerKey: string | null;
  account: { id: string; name: string };
};

async function proposalRows(tx: Tx, where: ReturnType<Tx>, locale: Locale) {
  const rows = await tx<Row[]>`
    select p.id, p.request_id as "requestId", p.status, s.key as "serviceKey", s.names as "serviceNames",
           case when v.id is null then null else json_build_object('id', v.id, 'name', v.name) end as provider, v.key as "providerKey",
           p.times, p.note, p.appointment_id as "appointmentId", p.refusal, p.created_at as "createdAt", p.user_id as "userId",
           json_build_object('id', a.id, 'name', a.name) as account
      from appointment_proposals p join appointment_services s on s.id = p.service_id left join providers v on v.id = p.provider_id
      join accounts a on a.id = p.account_id
     where p.tenant_id = portico_current_tenant() and ${where}
     order by p.created_at desc, p.id desc
     limit 100`;
  return rows.map(({ serviceKey, serviceNames, times, ...rest }) => ({
    ...rest,
    service: { key: serviceKey, name: pick(serviceNames, locale) ?? serviceKey },
    times: times.map((time) => new Date(time).toISOString()),
  }));
}

/** The proposals of the accounts a user reaches (their own and colleagues'), newest first. */
export async function listProposals(tx: Tx, userId: string, locale: Locale): Promise<AppointmentProposal[]> {
  const rows = await proposalRows(tx, tx`exists (select 1 from memberships m where m.user_id = ${userId} and m.account_id = p.account_id
    and (m.all_establishments or p.establishment_id = any(m.establishment_ids)))`, locale);
  return rows.map(({ userId: _user, providerKey: _key, account: _account, ...proposal }) => proposal);
}

/** The business's view: pending proposals (or all), with who made them and for which account. */
export function proposalsForBusiness(tx: Tx, status: AppointmentProposal['status'] | undefined, locale: Locale) {
  return proposalRows(tx, status ? tx`p.status = ${status}` : tx`true`, locale);
}

/** A pending proposal, locked for the answer; 404 when unknown, 409 when already answered. */
export async function pendingProposal(tx: Tx, id: string, locale: Locale) {
  await tx`select 1 from appointment_proposals where id = ${id} and tenant_id = portico_current_tenant() for update`;
  const [proposal] = await proposalRows(tx, tx`p.id = ${id}`, locale);
  if (!proposal) throw new AppError('not_found', 404, 'No such proposal');
  if (proposal.status !== 'pending') throw new AppError('proposal_answered', 409, `The proposal was already ${proposal.status}`);
  return proposal;
}

/** Closes a proposal as `status` and answers its request with `message`, e-mailing the client (unless `quiet`). */
export async function answerProposal(
  tx: Tx,
  tenant: PortalTenant,
  proposal: { id: string; requestId: string },
  answer: { status: 'confirmed'; appointmentId: string } | { status: 'refused'; refusal: string },
  message: { body: string; actor: { type: 'staff' | 'integration'; id: string }; quiet: boolean },
  now: Date,
): Promise<void> {
  await tx`
    update appointment_proposals set status = ${answer.status}, answered_at = ${now},
           appointment_id = ${answer.status === 'confirmed' ? answer.appointmentId : null},
           refusal = ${answer.status === 'refused' ? answer.refusal : null}
     where id = ${proposal.id}`;
  await requests.insertMessage(tx, { requestId: proposal.requestId, author: message.actor.type, authorId: message.actor.id, authorName: null, body: message.body }, now);
  await requests.setStatus(tx, proposal.requestId, 'answered', now);
  await requests.audit(tx, message.actor, 'request-answered', proposal.requestId);
  if (message.quiet) return;
  const [request] = await tx<{ id: string; subject: string; authorId: string | null }[]>`
    select id, subject, author_id as "authorId" from requests where id = ${proposal.requestId}`;
  await notifyAuthor(tx, tenant, request!, { kind: 'reply', status: 'answered', key: `proposal:${proposal.id}` });
}
