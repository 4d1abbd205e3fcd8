import { errors, jwtVerify, SignJWT } from 'jose';
import type { KeyStore } from '../../auth/keys.ts';
import { AppError } from '../../http/problem.ts';
import { isMailTemplate, type MailTemplate } from '../../mail/templates.ts';
import { LOCALES, type Locale } from '../tenants/schemas.ts';

/**
 * The console shows a mail preview in a sandboxed frame loaded from its own address, under its own
 * Content-Security-Policy (the mail's inline styles, nothing else): the console's policy, with Trusted Types, rightly
 * refuses to write HTML into a frame. The address carries this signed grant, since a frame cannot send the staff
 * token. It names sample content only (a template and a language, in one portal's branding), for a few minutes.
 */
export const PREVIEW_LINK_SECONDS = 300;
const TYP = 'portico-mail-preview+jwt';
const AUDIENCE = 'portico:mail-preview';

export interface PreviewGrant {
  tenantId: string;
  template: MailTemplate;
  locale: Locale;
}

export async function signPreview(keys: KeyStore, grant: PreviewGrant, now: Date): Promise<string> {
  const { kid, key } = keys.signing();
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ tid: grant.tenantId, tpl: grant.template, loc: grant.locale })
    .setProtectedHeader({ alg: 'ES256', typ: TYP, kid })
    .setIssuer('portico')
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + PREVIEW_LINK_SECONDS)
    .sign(key);
}

/** The grant of a preview address this server signed: expired is a 410 `link_expired`, anything else wrong a 403. */
export async function readPreview(keys: KeyStore, token: string, now: Date): Promise<PreviewGrant> {
  const invalid = new AppError('invalid_link', 403, 'This preview address is not valid');
  try {
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        const key = header.kid && !('jwk' in header) && !('jku' in header) ? await keys.verification(header.kid) : undefined;
        if (!key) throw invalid;
        return key;
      },
      { algorithms: ['ES256'], issuer: 'portico', audience: AUDIENCE, typ: TYP, requiredClaims: ['exp', 'tid', 'tpl', 'loc'], currentDate: now },
    );
    const { tid, tpl, loc } = payload as Record<string, unknown>;
    if (typeof tid !== 'string' || typeof tpl !== 'string' || !isMailTemplate(tpl) || !LOCALES.includes(loc as Locale)) throw invalid;
    return { tenantId: tid, template: tpl, locale: loc as Locale };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new AppError('link_expired', 410, 'This preview address has expired; open the preview again');
    throw invalid;
  }
}
