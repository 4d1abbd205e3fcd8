import type { Tx } from '../../db/database.ts';

/**
 * Everything the portal holds about one account, for its clients (LGPD art. 18 II, GDPR art. 15/20): the account and
 * its establishments, registration data and its history, the users who reach it, requests with their messages and
 * files' names, charges, invoices, documents, processes, appointments. Internal keys (storage paths, hashes of
 * secrets) are left out; files themselves are downloaded from their own widgets.
 */
export async function exportAccountData(tx: Tx, accountId: string, now: Date) {
  const rows = (query: ReturnType<Tx>) => query.then((result) => result.map((row) => (row as { row: unknown }).row));
  const byAccount = (table: string, omit: string[] = []) =>
    rows(tx`select to_jsonb(x) - ${['tenant_id', ...omit]}::text[] as row from ${tx(table)} x where x.account_id = ${accountId} and x.tenant_id = portico_current_tenant() order by 1`);
  const [account] = await rows(tx`select to_jsonb(a) - array['tenant_id'] as row from accounts a where a.id = ${accountId} and a.tenant_id = portico_current_tenant()`);
  return {
    exportedAt: now.toISOString(),
    account,
    establishments: await byAccount('establishments'),
    customFields: await byAccount('profile_values'),
    profileChanges: await byAccount('profile_changes'),
    confirmations: await byAccount('profile_confirmations'),
    users: await rows(tx`
      select jsonb_build_object('email', u.email, 'status', u.status, 'locale', u.locale, 'createdAt', u.created_at,
                                'allEstablishments', m.all_establishments, 'establishmentIds', m.establishment_ids) as row
        from memberships m join portal_users u on u.id = m.user_id
       where m.account_id = ${accountId} and m.tenant_id = portico_current_tenant() order by u.email`),
    requests: await rows(tx`
      select to_jsonb(r) - array['tenant_id'] || jsonb_build_object(
               'messages', coalesce((select jsonb_agg(jsonb_build_object('author', m.author_type, 'authorName', m.author_name, 'body', m.body, 'createdAt', m.created_at) order by m.created_at)
                                       from request_messages m where m.request_id = r.id), '[]'),
               'attachments', coalesce((select jsonb_agg(jsonb_build_object('name', f.file_name, 'type', f.content_type, 'size', f.size, 'createdAt', f.created_at) order by f.created_at)
                                          from request_attachments f where f.request_id = r.id), '[]')) as row
        from requests r where r.account_id = ${accountId} and r.tenant_id = portico_current_tenant() order by r.created_at`),
    charges: await byAccount('charges'),
    invoices: await byAccount('invoices'),
    documents: await byAccount('documents', ['storage_key', 'sha256']),
    processes: await byAccount('processes', ['access_key_hash']),
    appointments: await byAccount('appointments'),
    appointmentProposals: await byAccount('appointment_proposals'),
    auditTrail: await rows(tx`
      select jsonb_build_object('action', action, 'actor', actor_type, 'data', data, 'at', created_at) as row from audit_log
       where subject_type = 'account' and subject_id = ${accountId} and tenant_id = portico_current_tenant() order by id`),
  };
}
