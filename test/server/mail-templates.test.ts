import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LOCALES } from '../../server/features/tenants/schemas.ts';
import { contrastRatio, escapeHtml, readableTextColor } from '../../server/mail/layout.ts';
import { MAIL_TEMPLATES, MailDataError, parseMailData, renderMail, type MailDataInput, type MailTemplate } from '../../server/mail/templates.ts';

const LINK = 'https://portal.example.com/entrar#portico-link=abc&x="1"<b>';
const CODE = '482913';
const samples: { [T in MailTemplate]: MailDataInput<T> } = {
  activation: { link: LINK, expiresInHours: 72 },
  'register-code': { code: CODE, expiresInMinutes: 10 },
  'first-access': { link: LINK, expiresInHours: 48 },
  reset: { link: LINK, expiresInMinutes: 30 },
  'magic-link': { link: LINK, expiresInMinutes: 15, profileOnly: 'false' },
  'sign-in-code': { code: CODE, expiresInMinutes: 10 },
  'request-update': { link: LINK, requestSubject: 'Segunda via do boleto <urgente>', event: 'reply', status: 'answered' },
  'process-update': { link: LINK, processTitle: 'Nacionalidad <española>', event: 'phase', detail: 'Resolución & notificación' },
  'document-new': { link: LINK, documentTitle: 'PCMSO 2026 <Matriz>' },
};
const hostile = { name: '<script>alert("x")</script> & Co', logoUrl: 'https://cdn.example.com/logo.png?a=1&b="2"', primaryColor: '#0b4f6c' };

describe('mail templates', () => {
  for (const template of MAIL_TEMPLATES) {
    for (const locale of LOCALES) {
      test(`${template} in ${locale}: subject, text and html, everything escaped`, () => {
        const mail = renderMail(template, locale, samples[template] as never, hostile);
        assert.ok(mail.subject.length > 5 && !/[\r\n]/.test(mail.subject));
        assert.match(mail.subject, /<script>alert/, 'the subject is a plain-text header');
        // The tenant's name is text in the HTML, never markup.
        assert.doesNotMatch(mail.html, /<script/i);
        assert.ok(mail.html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co'));
        assert.ok(mail.text.includes(hostile.name), 'the plain-text part has the name as it is');
        assert.match(mail.html, new RegExp(`<html lang="${locale}">`));
        assert.ok(mail.html.includes('src="https://cdn.example.com/logo.png?a=1&amp;b=&quot;2&quot;"'));
        if ('link' in samples[template]) {
          assert.ok(mail.text.includes(LINK), 'the link is in the text part as it is');
          assert.ok(mail.html.includes(`href="${escapeHtml(LINK)}"`), 'and in the html escaped');
          assert.match(mail.html, /bgcolor="#0b4f6c"/, 'a button in the primary colour');
        } else {
          assert.ok(mail.text.includes(CODE) && mail.html.includes(`>${CODE}</td>`));
          // Codes say they are not a password and where to look for mail that did not arrive.
          assert.match(mail.text, /not your password|não é a sua senha|no es su contraseña/);
          assert.match(mail.text, /spam/);
        }
      });
    }
  }

  test('the words change with the locale, and the expiry is spelled out', () => {
    const data = samples['sign-in-code'];
    assert.match(renderMail('sign-in-code', 'pt-BR', data, hostile).text, /expira em 10 minutos/);
    assert.match(renderMail('sign-in-code', 'es', data, hostile).text, /caduca en 10 minutos/);
    assert.match(renderMail('sign-in-code', 'en', data, hostile).text, /expires in 10 minutes/);
    assert.match(renderMail('activation', 'pt-BR', { link: LINK, expiresInHours: 1 }, hostile).text, /expira em 1 hora /);
  });

  test('a profile-only magic link says it opens the profile', () => {
    const profile = renderMail('magic-link', 'en', { ...samples['magic-link'], profileOnly: 'true' }, hostile);
    const signIn = renderMail('magic-link', 'en', samples['magic-link'], hostile);
    assert.match(profile.subject, /Update your details/);
    assert.match(signIn.subject, /sign-in link/);
  });

  test('amounts may come as numeric strings; bad data is refused with the field named', () => {
    assert.deepEqual(parseMailData('reset', { link: LINK, expiresInMinutes: '30' }), { link: LINK, expiresInMinutes: 30 });
    assert.throws(() => parseMailData('reset', { link: 'javascript:alert(1)', expiresInMinutes: 30 }), (error: Error) => error instanceof MailDataError && /link/.test(error.message));
    assert.throws(() => parseMailData('sign-in-code', { code: '12<b>', expiresInMinutes: 10 }), MailDataError);
    assert.throws(() => parseMailData('reset', { link: LINK, expiresInMinutes: 'soon' }), /expiresInMinutes/);
    assert.throws(() => parseMailData('nope' as MailTemplate, {}), /Unknown mail template/);
  });

  test('no logo without an absolute URL; no control characters in the subject', () => {
    const mail = renderMail('reset', 'en', samples.reset, { name: 'Line\r\nBcc: x@evil.test', logoUrl: null, primaryColor: '#ffffff' });
    assert.doesNotMatch(mail.html, /<img/);
    assert.doesNotMatch(mail.subject, /[\r\n]/);
  });

  test('button text is white or near-black, whichever contrasts more with the primary colour', () => {
    assert.equal(readableTextColor('#0b4f6c'), '#ffffff');
    assert.equal(readableTextColor('#1d4ed8'), '#ffffff');
    assert.equal(readableTextColor('#facc15'), '#111111');
    assert.equal(readableTextColor('#ffffff'), '#111111');
    assert.ok(Math.abs(contrastRatio('#000000', '#ffffff') - 21) < 0.01);
    const yellow = renderMail('reset', 'en', samples.reset, { ...hostile, primaryColor: '#facc15' });
    assert.match(yellow.html, /color:#111111;text-decoration:none/);
  });

  test('a primary colour that is not #rrggbb cannot leave the style attribute', () => {
    const mail = renderMail('reset', 'en', samples.reset, { ...hostile, primaryColor: 'red;background:url(https://evil.test/)' });
    assert.doesNotMatch(mail.html, /evil\.test/);
  });
});
