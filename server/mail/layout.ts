import type { Locale } from '../features/tenants/schemas.ts';
import type { LocaleCopy, MailCopy } from './copy.ts';
import type { MailBranding } from './templates.ts';

/** What the layout puts together: the words, the locale's common lines and the tenant. */
export interface LayoutParts {
  locale: Locale;
  subject: string;
  content: MailCopy;
  copy: LocaleCopy;
  tenant: MailBranding;
}

const FALLBACK_COLOR = '#1d4ed8';
const DARK_TEXT = '#111111';
const BODY_TEXT = '#1f2937';
const MUTED_TEXT = '#4b5563';
const FONT = 'Arial, Helvetica, sans-serif';

/** Escapes `value` for HTML text and for quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** WCAG relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** White or near-black, whichever reads better on `background` by WCAG contrast. */
export function readableTextColor(background: string): '#ffffff' | typeof DARK_TEXT {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, DARK_TEXT) ? '#ffffff' : DARK_TEXT;
}

/** The tenant colour if it is a `#rrggbb` (anything else could leave the style attribute), else the default. */
function safeColor(value: string): string {
  return /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : FALLBACK_COLOR;
}

/** The HTML part: tables and inline styles, as mail clients need; every value from outside is escaped. */
export function layoutHtml({ locale, subject, content, copy, tenant }: LayoutParts): string {
  const primary = safeColor(tenant.primaryColor);
  // A link in the primary colour on white only when it is readable there (AA for body text).
  const linkColor = contrastRatio(primary, '#ffffff') >= 4.5 ? primary : BODY_TEXT;
  const name = escapeHtml(tenant.name);
  const logo =
    tenant.logoUrl && /^https?:\/\//i.test(tenant.logoUrl)
      ? `<img src="${escapeHtml(tenant.logoUrl)}" alt="${name}" height="48" style="display:block;height:48px;width:auto;max-width:220px;border:0;margin:0 0 12px;">`
      : '';
  const paragraph = (text: string, style = `font-size:16px;line-height:24px;color:${BODY_TEXT};`) =>
    `<p style="margin:0 0 16px;${style}">${escapeHtml(text)}</p>`;
  const small = `font-size:14px;line-height:21px;color:${MUTED_TEXT};`;

  let action = '';
  if (!content.action) {
    // A notice with nothing to click or type (the console's test mail).
  } else if ('code' in content.action) {
    action =
      paragraph(copy.codeLabel, `${small}margin-top:24px;`) +
      `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 24px;"><tr>` +
      `<td style="padding:12px 20px;background:#f4f4f5;border:1px solid #e4e4e7;border-left:4px solid ${primary};border-radius:6px;` +
      `font-family:'Courier New',Courier,monospace;font-size:32px;line-height:40px;font-weight:bold;letter-spacing:6px;color:${DARK_TEXT};">` +
      `${escapeHtml(content.action.code)}</td></tr></table>`;
  } else {
    const href = escapeHtml(content.action.link);
    action =
      `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0;"><tr>` +
      `<td align="center" bgcolor="${primary}" style="border-radius:6px;background:${primary};">` +
      `<a href="${href}" target="_blank" rel="noopener" style="display:inline-block;padding:14px 28px;font-family:${FONT};font-size:16px;` +
      `font-weight:bold;line-height:20px;color:${readableTextColor(primary)};text-decoration:none;border-radius:6px;">` +
      `${escapeHtml(content.action.button)}</a></td></tr></table>` +
      `<p style="margin:0 0 16px;${small}">${escapeHtml(copy.fallbackLink)}<br>` +
      `<a href="${href}" target="_blank" rel="noopener" style="color:${linkColor};word-break:break-all;">${href}</a></p>`;
  }

  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(locale)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="color-scheme" content="light"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f4f4f5;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f5;"><tr><td align="center" style="padding:24px 12px;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background:#ffffff;border-radius:8px;font-family:${FONT};">`,
    `<tr><td style="padding:24px 32px;border-top:6px solid ${primary};border-bottom:1px solid #e4e4e7;">${logo}`,
    `<span style="font-size:18px;line-height:24px;font-weight:bold;color:${DARK_TEXT};">${name}</span></td></tr>`,
    `<tr><td style="padding:32px;">`,
    `<h1 style="margin:0 0 16px;font-size:22px;line-height:28px;color:${DARK_TEXT};">${escapeHtml(content.heading)}</h1>`,
    content.intro.map((text) => paragraph(text)).join(''),
    action,
    content.notes.map((text) => paragraph(text, small)).join(''),
    `</td></tr>`,
    `<tr><td style="padding:16px 32px;border-top:1px solid #e4e4e7;font-size:12px;line-height:18px;color:${MUTED_TEXT};">${escapeHtml(copy.footer(tenant.name))}</td></tr>`,
    '</table></td></tr></table></body></html>',
  ].join('\n');
}

/** The plain-text part: the same words, the link or code on a line of its own. */
export function layoutText({ content, copy, tenant }: LayoutParts): string {
  const action = !content.action ? [] : ['code' in content.action ? `${copy.codeLabel}: ${content.action.code}` : `${content.action.button}:\n${content.action.link}`, ''];
  return [tenant.name, '', content.heading, '', ...content.intro.flatMap((text) => [text, '']), ...action, ...content.notes.flatMap((text) => [text, '']), '--', copy.footer(tenant.name), ''].join('\n');
}
