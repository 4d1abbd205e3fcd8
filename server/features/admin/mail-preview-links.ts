import type { KeyStore } from '../../auth/keys.ts';
import { readLink, signLink, type SignedLinkKind } from '../../auth/signed-links.ts';
import { isMailTemplate, type MailTemplate } from '../../mail/templates.ts';
import { LOCALES, type Locale } from '../tenants/schemas.ts';

/**
 * The console shows a mail preview in a sandboxed frame loaded from its own address, under its own
 * Content-Security-Policy (the mail's inline styles, nothing else): the console's policy, with Trusted Types, rightly
 * refuses to write HTML into a frame. The address carries this signed grant, since a frame cannot send the staff
 * token. It names sample content only (a template and a language, in one portal's branding), for a few minutes.
 */
export const PREVIEW_LINK_SECONDS = 300;

const PREVIEW: SignedLinkKind = {
  typ: 'portico-mail-preview+jwt',
  audience: 'portico:mail-preview',
  seconds: PREVIEW_LINK_SECONDS,
  invalid: 'This preview address is not valid',
  expired: 'This preview address has expired; open the preview again',
};

export interface PreviewGrant {
  tenantId: string;
  template: MailTemplate;
  locale: Locale;
}

export async function signPreview(keys: KeyStore, grant: PreviewGrant, now: Date): Promise<string> {
  return (await signLink(keys, PREVIEW, { tid: grant.tenantId, tpl: grant.template, loc: grant.locale }, now)).token;
}

/** The grant of a preview address this server signed: expired is a 410 `link_expired`, anything else wrong a 403. */
export function readPreview(keys: KeyStore, token: string, now: Date): Promise<PreviewGrant> {
  return readLink(keys, PREVIEW, token, now, ['tid', 'tpl', 'loc'], ({ tid, tpl, loc }) =>
    typeof tid === 'string' && typeof tpl === 'string' && isMailTemplate(tpl) && LOCALES.includes(loc as Locale) ? { tenantId: tid, template: tpl, locale: loc as Locale } : undefined,
  );
}
