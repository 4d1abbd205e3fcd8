import { Hono, type Context } from 'hono';
import { AppError, problemResponse } from '../http/problem.ts';
import { escapeHtml } from './layout.ts';
import type { CaptureMailer, MailAttachment } from './mailer.ts';

/**
 * Nothing on these pages runs script: mail is shown in a sandboxed frame (which inherits this policy too).
 * Styles and images stay allowed, as the mail needs them.
 */
const CSP = "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * The mail captured in development when no SMTP server is configured: `/mail` (a list, newest first),
 * `/mail/:id` (one mail, its HTML in a sandboxed frame, its attachments listed), `/mail/:id/attachments/:index`
 * (one attachment, downloaded) and `/mail.json`. Mount it at `/dev`, in development only: it shows every mail,
 * sign-in links and codes included.
 */
export function devMailRoutes(capture: CaptureMailer) {
  return new Hono()
    .get('/mail.json', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(capture.list().map(({ id, to, subject, text, html, sentAt, attachments = [] }) => ({ id, to, subject, text, html, sentAt, attachments })));
    })
    .get('/mail', (c) => {
      const mails = capture.list();
      const rows = mails
        .map(
          (mail) =>
            `<tr><td>${escapeHtml(mail.sentAt)}</td><td>${escapeHtml(mail.to)}</td>` +
            `<td><a href="mail/${encodeURIComponent(mail.id)}">${escapeHtml(mail.subject || '(no subject)')}</a></td></tr>`,
        )
        .join('\n');
      const body = mails.length
        ? `<table><thead><tr><th>Sent</th><th>To</th><th>Subject</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
        : '<p>No mail yet. Mail the server sends while no SMTP_URL is set shows up here.</p>';
      return page(c, 'Captured mail', `<h1>Captured mail</h1><p><a href="mail.json">JSON</a></p>${body}`);
    })
    .get('/mail/:id', (c) => {
      const mail = capture.get(c.req.param('id'));
      if (!mail) return problemResponse(c, new AppError('not_found', 404, 'No captured mail with this id (only the last 200 are kept)'));
      const html =
        `<p><a href="../mail">← All mail</a></p><h1>${escapeHtml(mail.subject)}</h1>` +
        `<dl><dt>From</dt><dd>${escapeHtml(mail.from)}</dd><dt>To</dt><dd>${escapeHtml(mail.to)}</dd>` +
        `<dt>Sent</dt><dd>${escapeHtml(mail.sentAt)}</dd></dl>` +
        `<h2>HTML</h2><iframe sandbox title="The HTML part" srcdoc="${escapeHtml(mail.html)}"></iframe>` +
        `<h2>Text</h2><pre>${escapeHtml(mail.text)}</pre>` +
        attachmentList(mail.id, mail.attachments ?? []);
      return page(c, mail.subject, html);
    })
    .get('/mail/:id/attachments/:index', (c) => {
      const index = c.req.param('index');
      const file = /^\d{1,3}$/.test(index) ? capture.get(c.req.param('id'))?.attachments?.[Number(index)] : undefined;
      if (!file) return problemResponse(c, new AppError('not_found', 404, 'No such attachment on a captured mail'));
      // Always a download, never shown in the page's origin: whatever the type says, the browser neither renders nor sniffs it.
      c.header('Content-Disposition', contentDisposition(file.filename));
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Security-Policy', "sandbox; default-src 'none'");
      c.header('Cache-Control', 'no-store');
      return c.body(file.content, 200, { 'Content-Type': safeContentType(file.contentType) });
    });
}

/** The attachments of a mail, each a download link; nothing when it has none. */
function attachmentList(id: string, attachments: MailAttachment[]): string {
  if (attachments.length === 0) return '';
  const items = attachments.map(
    (file, i) =>
      `<li><a href="${encodeURIComponent(id)}/attachments/${i}" download>${escapeHtml(file.filename)}</a> ` +
      `(${escapeHtml(file.contentType)}, ${Buffer.byteLength(file.content)} bytes)</li>`,
  );
  return `<h2>Attachments</h2><ul>${items.join('')}</ul>`;
}

/** `attachment` with the name twice: a plain ASCII fallback and the exact name (RFC 6266, RFC 8187). */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^A-Za-z0-9._ -]/g, '_').trim() || 'attachment';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A MIME type with its parameters, every part a token (or a quoted string): nothing that could end the header. */
const MIME_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(?:[ \t]*;[ \t]*[\w!#$&^.+-]+=(?:[\w!#$&^.+-]+|"[^"\\\r\n]*"))*$/;

/** The stored type when it is a well-formed MIME type (parameters included); else plain bytes. */
function safeContentType(type: string): string {
  return MIME_TYPE.test(type) ? type : 'application/octet-stream';
}

function page(c: Context, title: string, body: string): Response {
  c.header('Content-Security-Policy', CSP);
  c.header('Cache-Control', 'no-store');
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      '<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1f2937}table{border-collapse:collapse}' +
      'td,th{padding:.3rem .8rem;border-bottom:1px solid #e4e4e7;text-align:left}iframe{width:100%;max-width:720px;height:640px;border:1px solid #d4d4d8}' +
      'pre{white-space:pre-wrap;background:#f4f4f5;padding:1rem;max-width:720px}dt{font-weight:bold}</style>' +
      `</head><body>${body}</body></html>`,
  );
}
