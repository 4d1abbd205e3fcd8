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
    assert.deepEqual(Object.keys(list[1]!).sort(), ['html', 'id', 'sentAt', 'subject', 'text', 'to']);
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

  test('the capture keeps only the newest mails', async () => {
    const capture = new CaptureMailer(3);
    for (let i = 1; i <= 5; i++) await capture.send({ from: 'a@example.com', to: `u${i}@example.com`, subject: `${i}`, text: '', html: '' });
    assert.deepEqual(capture.list().map((mail) => mail.subject), ['5', '4', '3']);
    assert.equal(capture.list('U4@example.com').length, 1);
    capture.clear();
    assert.equal(capture.list().length, 0);
  });
});
