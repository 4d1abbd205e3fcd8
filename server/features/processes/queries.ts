import type { Tx } from '../../db/database.ts';
import { markdownToRichText } from '../../content/markdown.ts';
import { visibleTo } from '../accounts/visibility.ts';
import type { Locale, Localized, PhaseView, ProcessDetail, ProcessNotice, ProcessSummary } from './schemas.ts';

/** Who looks: a portal user (the processes of the accounts they reach) or a quick-access session (its one process). */
export type Viewer = { userId: string } | { processId: string } | { business: true };

/** A text in `locale`, else in the tenant's own, else in English, Spanish or Portuguese, in that order. */
export function pick(text: Localized | null | undefined, locale: Locale, fallback: Locale): string | null {
  if (!text) return null;
  return text[locale] ?? text[fallback] ?? text.en ?? text.es ?? text['pt-BR'] ?? null;
}

const visible = (tx: Tx, viewer: Viewer) => {
  if ('userId' in viewer) return tx`and ${visibleTo(tx, viewer.userId, 'p')}`;
  if ('processId' in viewer) return tx`and p.id = ${viewer.processId}`;
  return tx``;
};

export interface TemplatePhase {
  key: string;
  name: Localized;
  description?: Localized;
}

interface ProcessRow {
  id: string;
  accountId: string;
  accountName: string;
  title: string;
  kind: string | null;
  templateKey: string | null;
  currentPhase: string | null;
  phases: TemplatePhase[] | null;
  quickAccessNumber: string;
  refs: ProcessDetail['references'];
  createdAt: string;
  updatedAt: string;
  seenAt: string | null;
  unread: number;
}

const processColumns = (tx: Tx, viewer: Viewer) => {
  const seen = 'userId' in viewer ? tx`(select v.seen_at from process_views v where v.process_id = p.id and v.user_id = ${viewer.userId})` : tx`null::timestamptz`;
  return tx`
    p.id, p.account_id as "accountId", a.name as "accountName", p.title, p.kind, p.template_key as "templateKey",
    p.current_phase as "currentPhase", t.phases, p.quick_access_number as "quickAccessNumber", p.external_refs as refs,
    p.created_at as "createdAt", p.updated_at as "updatedAt", ${seen} as "seenAt",
    ${'userId' in viewer
      ? tx`(select count(*)::int from process_notices n where n.process_id = p.id and n.published_at > coalesce(${seen}, '-infinity'))`
      : tx`0`} as unread`;
};

const processSource = (tx: Tx) => tx`
  processes p join accounts a on a.id = p.account_id
  left join process_templates t on t.tenant_id = p.tenant_id and t.key = p.template_key`;

function summaryOf(row: ProcessRow, locale: Locale, fallback: Locale): ProcessSummary {
  const phases = row.phases ?? [];
  const index = phases.findIndex((phase) => phase.key === row.currentPhase);
  return {
    id: row.id,
    accountId: row.accountId,
    accountName: row.accountName,
    title: row.title,
    kind: row.kind,
    currentPhase: index < 0 ? null : { key: row.currentPhase!, name: pick(phases[index]!.name, locale, fallback)!, position: index + 1 },
    phaseCount: phases.length,
    unread: row.unread,
    updatedAt: row.updatedAt,
  };
}

/** The processes `viewer` may see, most recently changed first. */
export async function listProcesses(tx: Tx, viewer: Viewer, filters: { accountId?: string }, locale: Locale, fallback: Locale): Promise<ProcessSummary[]> {
  const rows = await tx<ProcessRow[]>`
    select ${processColumns(tx, viewer)} from ${processSource(tx)}
     where p.tenant_id = portico_current_tenant() ${visible(tx, viewer)}
       ${filters.accountId ? tx`and p.account_id = ${filters.accountId}` : tx``}
     order by p.updated_at desc, p.id desc
     limit 200`;
  return rows.map((row) => summaryOf(row, locale, fallback));
}

/** One process with its phases, history and notices, or undefined when `viewer` may not see it. */
export async function findProcess(tx: Tx, viewer: Viewer, id: string, locale: Locale, fallback: Locale): Promise<ProcessDetail | undefined> {
  const [row] = await tx<ProcessRow[]>`
    select ${processColumns(tx, viewer)} from ${processSource(tx)}
     where p.id = ${id} and p.tenant_id = portico_current_tenant() ${visible(tx, viewer)}`;
  if (!row) return undefined;
  const changes = await tx<{ phase: string; at: string; note: string | null }[]>`
    select phase_key as phase, changed_at as at, note from process_phase_changes
     where process_id = ${id} and tenant_id = portico_current_tenant() order by changed_at desc, id desc limit 500`;
  const notices = await tx<{ id: string; kind: ProcessNotice['kind']; title: string; body: string; publishedAt: string }[]>`
    select id, kind, title, body_markdown as body, published_at as "publishedAt" from process_notices
     where process_id = ${id} and tenant_id = portico_current_tenant() order by published_at desc, id desc limit 200`;
  const phases = row.phases ?? [];
  const current = phases.findIndex((phase) => phase.key === row.currentPhase);
  const name = (key: string) => pick(phases.find((phase) => phase.key === key)?.name, locale, fallback) ?? key;
  const seen = row.seenAt ? new Date(row.seenAt).getTime() : undefined;
  return {
    ...summaryOf(row, locale, fallback),
    quickAccessNumber: row.quickAccessNumber,
    references: row.refs,
    phases: phases.map(
      (phase, index): PhaseView => ({
        key: phase.key,
        name: pick(phase.name, locale, fallback)!,
        description: pick(phase.description, locale, fallback),
        position: index + 1,
        state: current < 0 || index > current ? 'upcoming' : index === current ? 'current' : 'done',
        enteredAt: changes.find((change) => change.phase === phase.key)?.at ?? null,
      }),
    ),
    history: changes.map((change) => ({ phase: change.phase, phaseName: name(change.phase), at: change.at, note: change.note })),
    notices: notices.map((notice) => ({
      id: notice.id,
      kind: notice.kind,
      title: notice.title,
      body: markdownToRichText(notice.body),
      publishedAt: notice.publishedAt,
      unread: 'userId' in viewer && (seen === undefined || new Date(notice.publishedAt).getTime() > seen),
    })),
    lastSeenAt: row.seenAt,
    createdAt: row.createdAt,
  };
}

export async function markSeen(tx: Tx, processId: string, userId: string, now: Date): Promise<void> {
  await tx`insert into process_views (tenant_id, process_id, user_id, seen_at) values (portico_current_tenant(), ${processId}, ${userId}, ${now})
           on conflict (process_id, user_id) do update set seen_at = greatest(process_views.seen_at, excluded.seen_at)`;
}

export async function findTemplate(tx: Tx, key: string): Promise<{ key: string; name: Localized; phases: TemplatePhase[] } | undefined> {
  const [row] = await tx<{ key: string; name: Localized; phases: TemplatePhase[] }[]>`
    select key, name, phases from process_templates where key = ${key} and tenant_id = portico_current_tenant()`;
  return row;
}

export async function notifyClients(tx: Tx): Promise<boolean> {
  const [row] = await tx<{ notify: boolean }[]>`select notify_clients as notify from process_settings where tenant_id = portico_current_tenant()`;
  return row?.notify ?? true;
}

/** Records a move to `phase` (the history is append-only) and sets it as current. Returns the change's id. */
export async function recordPhase(tx: Tx, processId: string, phase: string, actor: { type: string; id: string | null }, note: string | null, now: Date): Promise<string> {
  await tx`update processes set current_phase = ${phase}, updated_at = ${now} where id = ${processId} and tenant_id = portico_current_tenant()`;
  const [row] = await tx<{ id: string }[]>`
    insert into process_phase_changes (tenant_id, process_id, phase_key, note, actor_type, actor_id, changed_at)
    values (portico_current_tenant(), ${processId}, ${phase}, ${note}, ${actor.type}, ${actor.id}, ${now}) returning id`;
  return row!.id;
}

export async function audit(tx: Tx, actor: { type: string; id: string | null }, action: string, processId: string, data: object = {}): Promise<void> {
  await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, data)
           values (portico_current_tenant(), ${actor.type}, ${actor.id}, ${action}, 'process', ${processId}, ${tx.json(data as never)})`;
}
