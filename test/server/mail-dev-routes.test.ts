import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Hono } from 'hono';
import { devMailRoutes } from '../../server/mail/dev-routes.ts';
import { CaptureMailer } from '../../server/mail/mailer.ts';
import { renderMail } from '../../server/mail/templates.ts';

const hostileHtml = '<p>Hi</p><script>alert(1)</script><img src=x onerror="alert(2)">\'"&amp;';

function setup() {
  const capture = new CaptureMailer();
  const app = new Hono().route('/dev', devMailRoutes(capture));
  return { capture, app };
}

describe('/dev/mail', () => {
  test('/dev/mail.json lists the captured mail, newest first', async () => {
    const { capture, app } = setup();
    const mail = renderMail('sign-in-code', 'es', { code: '123456', expiresInMinutes: 10 }, { name: 'Martins Castro', logoUrl: null, primaryColor: '#0b4f6c' });
    await capture.send({ from: 'no-reply@example.com', to: 'ana@example.com', ...mail });
    await capture.send({ from: 'no-reply@example.com', to: 'bea@example.com', subject: 'Second', text: 'two', html: '<p>two</p>' });

    const response = await app.request('/dev/mail.json');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const list = (await response.json()) as { id: string; to: string; subject: string; text: string; html: string; sentAt: string }[];
    assert.deepEqual(list.map((item) => item.to), ['bea@example.com', 'ana@example.com']);
    assert.deepEqual(Object.keys(list[1]!).sort(), ['attachments', 'html', 'id', 'sentAt', 'subject', 'text', 'to']);
    assert.deepEqual((list[1] as unknown as { attachments: unknown[] }).attachments, []);
    assert.equal(list[1]!.subject, mail.subject);
    assert.match(list[1]!.text, /123456/);
    assert.ok(!Number.isNaN(Date.parse(list[1]!.sentAt)));
  });

  test('/dev/mail lists them as HTML, escaped, each linking to its page', async () => {
    const { capture, app } = setup();
    await capture.send({ from: 'a@example.com', to: 'ana@example.com', subject: '<script>alert(1)</script>', text: 't', html: hostileHtml });
    const [captured] = capture.list();
    const response = await app.request('/dev/mail');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'none'/);
    const page = await response.text();
    assert.doesNotMatch(page, /<script/i);
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(page.includes(`href="mail/${captured!.id}"`));
  });

  test('/dev/mail/:id shows the HTML in a sandboxed frame that cannot run its script', async () => {
    const { capture, app } = setup();
    await capture.send({ from: 'a@example.com', to: 'ana@example.com', subject: 'Hello "you"', text: 'plain <b>text</b>', html: hostileHtml });
    const [captured] = capture.list();
    const response = await app.request(`/dev/mail/${captured!.id}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'none'/);
    const page = await response.text();
    assert.doesNotMatch(page, /<script|<img/i, 'the mail is never markup of the page itself');
    const frame = /<iframe ([^>]*)><\/iframe>/.exec(page)?.[1] ?? '';
    assert.match(frame, /(^| )sandbox( |$)/, 'sandboxed, with no allow-scripts');
    assert.doesNotMatch(frame, /allow-/);
    const srcdoc = /srcdoc="([^"]*)"/.exec(frame)?.[1];
    assert.ok(srcdoc, 'the whole mail stays inside the attribute');
    const decoded = srcdoc.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!);
    assert.equal(decoded, hostileHtml, 'and decodes back to exactly the mail');
    assert.ok(page.includes('plain &lt;b&gt;text&lt;/b&gt;'));
    assert.ok(page.includes('Hello &quot;you&quot;'));
  });

  test('an unknown id is a 404 problem', async () => {
    const { app } = setup();
    const response = await app.request('/dev/mail/nope');
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.equal(((await response.json()) as { code: string }).code, 'not_found');
  });

  test('an appointment mail’s .ics is kept, listed and downloaded as an attachment, with safe headers', async () => {
    const { capture, app } = setup();
    const data = {
      link: 'https://portal.example.com/#portico-appointment=1',
      serviceName: 'Audiometria',
      providerName: 'Dra. Helena',
      start: '2026-03-31T12:00:00Z',
      end: '2026-03-31T12:30:00Z',
      timeZone: 'America/Sao_Paulo',
      uid: 'a1@portico',
    };
    const mail = renderMail('appointment-booked', 'pt-BR', data, { name: 'Clínica Sol', logoUrl: null, primaryColor: '#0e7490' });
    await capture.send({ from: 'no-reply@example.com', to: 'ana@example.com', ...mail });
    const [captured] = capture.list();
    assert.equal(captured!.attachments?.length, 1, 'the capture keeps the attachment');

    const list = (await (await app.request('/dev/mail.json')).json()) as { attachments: { filename: string; contentType: string; content: string }[] }[];
    assert.deepEqual(list[0]!.attachments, mail.attachments);

    const page = await (await app.request(`/dev/mail/${captured!.id}`)).text();
    const href = new RegExp(`<a href="${captured!.id}/attachments/0" download>appointment\\.ics</a>`);
    assert.match(page, href, 'listed with a link relative to the mail page');

    const download = await app.request(`/dev/mail/${captured!.id}/attachments/0`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'text/calendar; charset=utf-8; method=REQUEST');
    assert.equal(download.headers.get('content-disposition'), `attachment; filename="appointment.ics"; filename*=UTF-8''appointment.ics`);
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    assert.match(download.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.equal(download.headers.get('cache-control'), 'no-store');
    const ics = await download.text();
    assert.equal(ics, mail.attachments![0]!.content);
    assert.match(ics, /^BEGIN:VCALENDAR\r\n[^]*\r\nMETHOD:REQUEST\r\n[^]*\r\nUID:a1@portico\r\n/);

    for (const path of [`${captured!.id}/attachments/1`, `${captured!.id}/attachments/-1`, `${captured!.id}/attachments/0x0`, 'nope/attachments/0']) {
      const missing = await app.request(`/dev/mail/${path}`);
      assert.equal(missing.status, 404, path);
      assert.equal(missing.headers.get('content-type'), 'application/problem+json');
    }
  });

  test('an attachment’s name and type cannot make the download anything but a download', async () => {
    const { capture, app } = setup();
    const attachments = [
      { filename: 'relatório "final"\r\nX-Evil: 1.html', contentType: 'text/html', content: '<script>alert(1)</script>' },
      { filename: 'a.txt', contentType: 'text/plain\r\nX-Evil: 1', content: 'x' },
    ];
    await capture.send({ from: 'a@example.com', to: 'ana@example.com', subject: 's', text: 't', html: 'h', attachments });
    const [captured] = capture.list();
    const page = await (await app.request(`/dev/mail/${captured!.id}`)).text();
    assert.ok(page.includes('relatório &quot;final&quot;'), 'the name is escaped in the page');
    const html = await app.request(`/dev/mail/${captured!.id}/attachments/0`);
    assert.equal(html.headers.get('content-disposition'), `attachment; filename="relat_rio _final___X-Evil_ 1.html"; filename*=UTF-8''${encodeURIComponent(attachments[0]!.filename)}`);
    assert.equal(html.headers.get('x-evil'), null);
    assert.equal(html.headers.get('x-content-type-options'), 'nosniff');
    assert.match(html.headers.get('content-security-policy') ?? '', /sandbox/);
    const odd = await app.request(`/dev/mail/${captured!.id}/attachments/1`);
    assert.equal(odd.status, 200);
    assert.equal(odd.headers.get('content-type'), 'application/octet-stream', 'a malformed type is not passed on');
    assert.equal(odd.headers.get('x-evil'), null);
  });

  test('the capture keeps only the newest mails', async () => {
    const capture = new CaptureMailer(3);
    for (let i = 1; i <= 5; i++) await capture.send({ from: 'a@example.com', to: `u${i}@example.com`, subject: `${i}`, text: '', html: '' });
    assert.deepEqual(capture.list().map((mail) => mail.subject), ['5', '4', '3']);
    assert.equal(capture.list('U4@example.com').length, 1);
    capture.clear();
    assert.equal(capture.list().length, 0);
  });
});
