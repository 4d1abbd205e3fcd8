import { isDeepStrictEqual } from 'node:util';
import type { Tx } from '../../db/database.ts';
import type { PortalTenant } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { notifyAuthor } from '../requests/notify.ts';
import * as requests from '../requests/queries.ts';
import type { Locale } from '../tenants/schemas.ts';
import { fieldDefinitions, localized, type FieldDefinition } from './fields.ts';
import { auditChange, taxIdKindsOf, writeValue, type AccountRow } from './queries.ts';
import type { StandardField } from './schemas.ts';
import { checkValue } from './values.ts';

export type Actor = { type: 'client' | 'staff' | 'integration' | 'operator'; id: string | null };

/** The standard fields' names, for the request staff read. */
const FIELD_NAMES: Record<Locale, Record<StandardField, string>> = {
  'pt-BR': { name: 'Nome', taxId: 'CPF/CNPJ', email: 'E-mail', phone: 'Telefone', mobile: 'Celular', address: 'Endereço' },
  es: { name: 'Nombre', taxId: 'NIF/NIE', email: 'Correo electrónico', phone: 'Teléfono', mobile: 'Móvil', address: 'Dirección' },
  en: { name: 'Name', taxId: 'Tax id', email: 'E-mail', phone: 'Phone', mobile: 'Mobile', address: 'Address' },
};
const REQUEST_COPY: Record<Locale, { subject: string; intro: string; empty: string }> = {
  'pt-BR': { subject: 'Alteração de dados cadastrais', intro: 'O cliente pediu para alterar:', empty: '(vazio)' },
  es: { subject: 'Cambio de datos', intro: 'El cliente ha pedido cambiar:', empty: '(vacío)' },
  en: { subject: 'Registration data change', intro: 'The client asked to change:', empty: '(empty)' },
};

function fieldName(field: FieldDefinition, locale: Locale): string {
  return field.standard ? FIELD_NAMES[locale][field.key as StandardField] : (localized(field.labels, locale) ?? field.key);
}

function shown(value: unknown, empty: string): string {
  if (value === null || value === undefined) return empty;
  if (typeof value === 'object') return Object.values(value as Record<string, string>).filter(Boolean).join(', ');
  return String(value);
}

export interface ChangeOutcome {
  saved: string[];
  pending: string[];
}

/**
 * Applies `values` to the account, all or nothing: unknown fields and invalid values are a 400 naming each field;
 * for a client (`client` set), read-only fields are a 403, fields that need approval become pending changes gathered
 * in one request of category profile-change (P3), and the rest are saved. The business's own changes are saved
 * whatever the field's mode. Every saved change is audited with before and after (A13). Unchanged values are skipped.
 */
export async function applyChanges(
  tx: Tx,
  input: { tenant: PortalTenant; account: AccountRow; values: Record<string, unknown>; actor: Actor; client?: { userId: string }; now: Date },
): Promise<ChangeOutcome> {
  const { account, actor, now } = input;
  const definitions = new Map((await fieldDefinitions(tx, undefined, account.kind)).map((field) => [field.key, field]));
  const entries = Object.entries(input.values);
  if (entries.length === 0) throw new AppError('invalid_input', 400, 'Nothing to change', [{ path: 'values', message: 'must name at least one field' }]);
  const unknown = entries.filter(([key]) => !definitions.has(key)).map(([key]) => ({ path: `values.${key}`, message: 'is not a field of this profile' }));
  if (unknown.length) throw new AppError('invalid_input', 400, 'Some fields do not exist', unknown);
  if (input.client) {
    const locked = entries.filter(([key]) => definitions.get(key)!.mode === 'view').map(([key]) => ({ path: `values.${key}`, message: 'only the business can change this' }));
    if (locked.length) throw new AppError('field_not_editable', 403, 'Some fields can only be changed by the business', locked);
  }
  const checked = entries.map(([key, value]) => ({ field: definitions.get(key)!, result: checkValue(definitions.get(key)!, value, taxIdKindsOf(account)) }));
  const errors = checked.flatMap(({ field, result }) => (result.ok ? [] : result.errors.map((error) => ({ path: ['values', field.key, error.path].filter(Boolean).join('.'), message: error.message }))));
  if (errors.length) throw new AppError('invalid_input', 400, 'Some values are not valid', errors);

  const outcome: ChangeOutcome = { saved: [], pending: [] };
  const proposals: { field: FieldDefinition; before: unknown; after: unknown }[] = [];
  for (const { field, result } of checked) {
    const after = (result as { value: unknown }).value;
    const before = account.values[field.key] ?? null;
    if (isDeepStrictEqual(before, after)) continue;
    if (input.client && field.mode === 'approve') {
      proposals.push({ field, before, after });
      outcome.pending.push(field.key);
      continue;
    }
    await writeValue(tx, account.id, field, after, now);
    await auditChange(tx, actor, account.id, { field: field.key, before, after, via: 'direct' }, now);
    outcome.saved.push(field.key);
  }
  if (proposals.length && input.client) await proposeChanges(tx, input.tenant, account.id, input.client.userId, proposals, now);
  return outcome;
}

/** Holds `proposals` for staff approval: one request listing them, one pending change per field (superseding older ones). */
async function proposeChanges(tx: Tx, tenant: PortalTenant, accountId: string, userId: string, proposals: { field: FieldDefinition; before: unknown; after: unknown }[], now: Date) {
  const copy = REQUEST_COPY[tenant.locale];
  const lines = proposals.map(({ field, before, after }) => `• ${fieldName(field, tenant.locale)}: ${shown(before, copy.empty)} → ${shown(after, copy.empty)}`);
  const requestId = await requests.insertRequest(
    tx,
    { accountId, establishmentId: null, authorId: userId, category: 'profile-change', subject: copy.subject, description: [copy.intro, ...lines].join('\n').slice(0, 10_000) },
    now,
  );
  await requests.audit(tx, { type: 'client', id: userId }, 'request-created', requestId);
  for (const { field, before, after } of proposals) {
    await tx`update profile_changes set status = 'superseded', decided_at = ${now} where account_id = ${accountId} and field_key = ${field.key} and status = 'pending'`;
    await tx`insert into profile_changes (tenant_id, account_id, request_id, field_key, before, after, requested_by, requested_at)
             values (portico_current_tenant(), ${accountId}, ${requestId}, ${field.key}, ${tx.json(before as never)}, ${tx.json(after as never)}, ${userId}, ${now})`;
  }
}

/** A pending change, locked; 404 when unknown, 409 when already decided. */
export async function pendingChange(tx: Tx, id: string) {
  const [change] = await tx<{ id: string; accountId: string; requestId: string | null; field: string; after: unknown; status: string }[]>`
    select id, account_id as "accountId", request_id as "requestId", field_key as field, after, status from profile_changes
     where id = ${id} and tenant_id = portico_current_tenant() for update`;
  if (!change) throw new AppError('not_found', 404, 'No such change');
  if (change.status !== 'pending') throw new AppError('proposal_answered', 409, `The change was already ${change.status}`);
  return change;
}

/**
 * Decides a pending change: approved, the value is written (checked again: the field may have changed meanwhile) and
 * audited as made through approval; refused, it stays as it was. Either way the request gets the answer and the
 * client an e-mail once every change of that request is decided.
 */
export async function decideChange(
  tx: Tx,
  input: { tenant: PortalTenant; id: string; approve: boolean; message: string | undefined; actor: Actor; now: Date; account: (id: string) => Promise<AccountRow> },
): Promise<{ id: string; status: 'approved' | 'refused' }> {
  const { tenant, actor, now } = input;
  const change = await pendingChange(tx, input.id);
  const status = input.approve ? ('approved' as const) : ('refused' as const);
  if (input.approve) {
    const field = (await fieldDefinitions(tx)).find((candidate) => candidate.key === change.field);
    if (!field) throw new AppError('invalid_input', 400, 'The field no longer exists; refuse the change instead');
    const account = await input.account(change.accountId);
    const checked = checkValue(field, change.after, taxIdKindsOf(account));
    if (!checked.ok) throw new AppError('invalid_input', 400, `The proposed value is no longer valid: ${checked.errors[0]!.message}; refuse the change instead`);
    await writeValue(tx, account.id, field, checked.value, now);
    await auditChange(tx, actor, account.id, { field: field.key, before: account.values[field.key] ?? null, after: checked.value, via: 'approval' }, now);
  }
  await tx`update profile_changes set status = ${status}, decided_at = ${now}, decided_by = ${`${actor.type}:${actor.id ?? ''}`}, reason = ${input.message ?? null} where id = ${change.id}`;
  if (change.requestId) await answerRequest(tx, tenant, change.requestId, input.message, actor, now);
  return { id: change.id, status };
}

/** Adds the decision's message to the request; once nothing of it is pending, marks it answered and tells the client. */
async function answerRequest(tx: Tx, tenant: PortalTenant, requestId: string, message: string | undefined, actor: Actor, now: Date) {
  if (message) await requests.insertMessage(tx, { requestId, author: 'integration', authorId: actor.id, authorName: null, body: message }, now);
  const [open] = await tx`select 1 from profile_changes where request_id = ${requestId} and status = 'pending' limit 1`;
  if (open) return;
  await requests.setStatus(tx, requestId, 'answered', now);
  await requests.audit(tx, actor, 'request-answered', requestId);
  const [request] = await tx<{ id: string; subject: string; authorId: string | null }[]>`select id, subject, author_id as "authorId" from requests where id = ${requestId}`;
  if (request) await notifyAuthor(tx, tenant, request, { kind: 'reply', status: 'answered', key: `profile-decided:${now.getTime()}` });
}
