import { sha256 } from '../../auth/secrets.ts';
import type { Tx } from '../../db/database.ts';
import type { PortalTenant } from '../../http/portal-auth.ts';
import { AppError, type FieldError } from '../../http/problem.ts';
import { newQuickAccess } from './access.ts';
import { notifyProcessUsers } from './notify.ts';
import * as q from './queries.ts';
import type { ProcessInput } from './schemas.ts';

export interface UpsertResult {
  externalId: string;
  id: string;
  result: 'created' | 'updated' | 'unchanged';
  /** Only when created: the quick-access credentials, shown this once (the key is stored hashed). */
  quickAccess?: { number: string; accessKey: string };
}

/** Checks a batch before anything is written: known accounts, known templates, phases of their template. */
async function checkBatch(tx: Tx, items: ProcessInput[]): Promise<Map<string, q.TemplatePhase[]>> {
  const errors: FieldError[] = [];
  const templates = new Map<string, q.TemplatePhase[]>();
  for (const name of new Set(items.map((item) => item.template))) {
    const found = await q.findTemplate(tx, name);
    if (found) templates.set(name, found.phases);
  }
  const accounts = new Set(
    (await tx<{ id: string }[]>`select id from accounts where id = any(${[...new Set(items.map((item) => item.accountId))]}::uuid[]) and tenant_id = portico_current_tenant()`).map((row) => row.id),
  );
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.externalId)) errors.push({ path: `items.${index}.externalId`, message: 'appears twice in the batch' });
    seen.add(item.externalId);
    if (!accounts.has(item.accountId)) errors.push({ path: `items.${index}.accountId`, message: 'is not an account of this portal' });
    const phases = templates.get(item.template);
    if (!phases) errors.push({ path: `items.${index}.template`, message: 'is not a phase template of this portal' });
    else if (item.phase && !phases.some((phase) => phase.key === item.phase)) errors.push({ path: `items.${index}.phase`, message: `is not a phase of the template ${item.template}` });
  });
  if (errors.length) throw new AppError('invalid_input', 400, `${errors.length} item(s) of the batch are invalid; nothing was saved`, errors.slice(0, 100));
  return templates;
}

/** JSON with object keys sorted: PostgreSQL's jsonb keeps its own key order, so compare values, not spellings. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}

/** Moves a process to `phase`, records who and when, and tells the account's users. */
export async function movePhase(tx: Tx, tenant: PortalTenant, process: { id: string; title: string }, phase: q.TemplatePhase, who: { type: string; id: string }, note: string | null, now: Date): Promise<void> {
  const changeId = await q.recordPhase(tx, process.id, phase.key, who, note, now);
  await q.audit(tx, who, 'process-phase-changed', process.id, { phase: phase.key });
  await notifyProcessUsers(tx, tenant, process, { kind: 'phase', detail: (locale) => q.pick(phase.name, locale, tenant.locale)!, key: `phase:${changeId}` });
}

/**
 * Saves a batch of processes by the business's ids, all or nothing. A new process gets its quick-access number and
 * key (returned this once) and starts in the given phase or the template's first; an existing one that moves to
 * another phase records the move and tells its users. Sending the same batch again changes nothing.
 */
export async function upsertProcesses(tx: Tx, tenant: PortalTenant, items: ProcessInput[], who: { type: string; id: string }, now: Date): Promise<UpsertResult[]> {
  const templates = await checkBatch(tx, items);
  const outcome: UpsertResult[] = [];
  for (const item of items) {
    const phases = templates.get(item.template)!;
    const [existing] = await tx<{ id: string; title: string; kind: string | null; template_key: string; current_phase: string | null; account_id: string; refs: unknown }[]>`
      select id, title, kind, template_key, current_phase, account_id, external_refs as refs from processes
       where external_id = ${item.externalId} and tenant_id = portico_current_tenant() for update`;
    const phase = phases.find((candidate) => candidate.key === (item.phase ?? existing?.current_phase ?? phases[0]!.key)) ?? phases[0]!;
    if (!existing) {
      const access = newQuickAccess();
      const [created] = await tx<{ id: string }[]>`
        insert into processes (tenant_id, account_id, title, kind, template_key, external_id, external_refs, quick_access_number, access_key_hash, created_at, updated_at)
        values (portico_current_tenant(), ${item.accountId}, ${item.title}, ${item.kind ?? null}, ${item.template}, ${item.externalId},
                ${tx.json(item.references as never)}, ${access.number}, ${sha256(access.accessKey)}, ${now}, ${now})
        returning id`;
      await q.recordPhase(tx, created!.id, phase.key, who, null, now);
      await q.audit(tx, who, 'process-created', created!.id);
      outcome.push({ externalId: item.externalId, id: created!.id, result: 'created', quickAccess: access });
      continue;
    }
    const same =
      existing.title === item.title && existing.kind === (item.kind ?? null) && existing.template_key === item.template &&
      existing.account_id === item.accountId && canonical(existing.refs) === canonical(item.references);
    if (!same) {
      await tx`update processes set title = ${item.title}, kind = ${item.kind ?? null}, template_key = ${item.template}, account_id = ${item.accountId},
                 external_refs = ${tx.json(item.references as never)}, updated_at = ${now} where id = ${existing.id}`;
      await q.audit(tx, who, 'process-updated', existing.id);
    }
    const moved = existing.current_phase !== phase.key;
    if (moved) await movePhase(tx, tenant, { id: existing.id, title: item.title }, phase, who, null, now);
    outcome.push({ externalId: item.externalId, id: existing.id, result: same && !moved ? 'unchanged' : 'updated' });
  }
  return outcome;
}
