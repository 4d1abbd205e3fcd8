import type { Tx } from '../db/database.ts';
import type { Locale } from '../features/tenants/schemas.ts';
import { parseMailData, type MailDataInput, type MailTemplate } from './templates.ts';

/** A mail to send because something happened; `dedupeKey` names that event within the tenant. */
export interface OutboxMail<T extends MailTemplate = MailTemplate> {
  tenantId: string;
  /** One event, one mail: a second enqueue with the same key (a retried request, say) adds nothing. */
  dedupeKey: string;
  to: string;
  template: T;
  locale: Locale;
  data: MailDataInput<T>;
}

/** A recipient as one plain address: no display name, no list, nothing that could add a header. */
const ADDRESS = /^[^\s@<>,;:"()\[\]\\]+@[^\s@<>,;:"()\[\]\\]+$/;

/**
 * Writes `mail` to the outbox in `tx`, the transaction of the change that causes it (SECURITY.md 19): the mail
 * exists exactly when the change is committed, and the dispatcher sends it afterwards. `tx` runs as the app role
 * in `mail.tenantId`'s context (`withTenant`). The data is checked against the template here, so a mistake fails
 * the request rather than the delivery. Returns false when a mail for this `dedupeKey` was already enqueued.
 * Call the dispatcher's `wake()` after the transaction commits to send it at once.
 */
export async function enqueueMail<T extends MailTemplate>(tx: Tx, mail: OutboxMail<T>): Promise<boolean> {
  const data = parseMailData(mail.template, mail.data);
  if (mail.to.length > 254 || !ADDRESS.test(mail.to)) throw new TypeError('enqueueMail needs one plain e-mail address as `to`');
  if (!mail.dedupeKey) throw new TypeError('enqueueMail needs a dedupeKey');
  const rows = await tx`
    insert into outbox (tenant_id, dedupe_key, recipient, template, locale, data)
    values (${mail.tenantId}, ${mail.dedupeKey}, ${mail.to}, ${mail.template}, ${mail.locale}, ${tx.json(data)})
    on conflict (tenant_id, dedupe_key) do nothing
    returning id`;
  return rows.length === 1;
}
