import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LOCALES } from '../../server/features/tenants/schemas.ts';
import { contrastRatio, escapeHtml, readableTextColor } from '../../server/mail/layout.ts';
import { MAIL_TEMPLATES, MailDataError, parseMailData, renderMail, type MailDataInput, type MailTemplate } from '../../server/mail/templates.ts';

const LINK = 'https://portal.example.com/entrar#portico-link=abc&x="1"<b>';
const CODE = '482913';
const APPOINTMENT = {
  link: LINK,
  serviceName: 'Audiometria <ocupacional>',
  providerName: 'Dra. Helena & Filhos',
  start: '2026-03-31T12:00:00Z',
  end: '2026-03-31T13:30:00Z',
  timeZone: 'America/Sao_Paulo',
  uid: '3f2a9c1b-5d6e-4f70-8a9b-0c1d2e3f4a5b@portico',
  location: 'Clínica Sol',
};
/** Intl's narrow and thin spaces as plain ones, so expected text can be typed. */
const plain = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');
const samples: { [T in MailTemplate]: MailDataInput<T> } = {
  activation: { link: LINK, expiresInHours: 72 },
  'staff-setup': { link: LINK, expiresInHours: 72, invitedBy: 'Ana <owner>' },
  'test-mail': { sentBy: 'Ana <owner> & Co' },
  'register-code': { code: CODE, expiresInMinutes: 10 },
  'first-access': { link: LINK, expiresInHours: 48 },
  reset: { link: LINK, expiresInMinutes: 30 },
  'magic-link': { link: LINK, expiresInMinutes: 15, profileOnly: 'false' },
  'sign-in-code': { code: CODE, expiresInMinutes: 10 },
  'request-update': { link: LINK, requestSubject: 'Segunda via do boleto <urgente>', event: 'reply', status: 'answered' },
  'process-update': { link: LINK, processTitle: 'Nacionalidad <española>', event: 'phase', detail: 'Resolución & notificación' },
  'document-new': { link: LINK, documentTitle: 'PCMSO 2026 <Matriz>' },
  'appointment-booked': APPOINTMENT,
  'appointment-cancelled': APPOINTMENT,
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
        } else if (template === 'test-mail') {
          // A notice: nothing to click, the sender's name as text.
          assert.doesNotMatch(mail.html, /bgcolor="#0b4f6c"/);
          assert.ok(mail.text.includes('Ana <owner> & Co') && mail.html.includes('Ana &lt;owner&gt; &amp; Co'));
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

  test('appointment mails say when, on the tenant’s clock with the zone named, in each locale (Spanish with usted)', () => {
    const when = {
      'pt-BR': 'Quando: terça-feira, 31 de março de 2026 09:00 – 10:30 (Horário Padrão de Brasília, GMT-03:00).',
      es: 'Cuándo: martes, 31 de marzo de 2026, 9:00–10:30 (hora estándar de Brasilia, GMT-03:00).',
      en: 'When: Tuesday, March 31, 2026, 9:00 – 10:30 AM (Brasilia Standard Time, GMT-03:00).',
    };
    const subjects = { 'pt-BR': /agendamento confirmado — Audiometria <ocupacional>, 31\/03\/2026, 09:00$/, es: /cita confirmada — .*, 31\/03\/2026, 09:00$/, en: /appointment confirmed — .*, 03\/31\/2026, 09:00 AM$/ };
    for (const locale of LOCALES) {
      const booked = renderMail('appointment-booked', locale, APPOINTMENT, hostile);
      assert.ok(plain(booked.text).includes(when[locale]), `${locale}: ${booked.text}`);
      assert.match(plain(booked.subject), subjects[locale]);
      assert.ok(booked.text.includes('Dra. Helena & Filhos') && booked.html.includes('Dra. Helena &amp; Filhos'));
      assert.ok(booked.text.includes('Clínica Sol'), 'the place');
      const cancelled = renderMail('appointment-cancelled', locale, APPOINTMENT, hostile);
      assert.match(cancelled.subject, /cancelado|cancelada|cancelled/);
      assert.ok(plain(cancelled.text).includes(when[locale].replace(/^\S+ /, '').replace(/\.$/, '')), `${locale}: ${cancelled.text}`);
    }
    const madrid = renderMail('appointment-booked', 'es', { ...APPOINTMENT, timeZone: 'Europe/Madrid', location: undefined }, hostile);
    assert.ok(plain(madrid.text).includes('martes, 31 de marzo de 2026, 14:00–15:30 (hora de verano de Europa central, GMT+02:00)'), madrid.text);
    assert.doesNotMatch(madrid.text, /Dónde/, 'no place without a location');
    for (const template of ['appointment-booked', 'appointment-cancelled'] as const) {
      const es = renderMail(template, 'es', APPOINTMENT, hostile).text;
      assert.match(es, /\bSu cita\b/);
      assert.doesNotMatch(es, /\b(tu|tus|tienes|tenías|accede|pediste)\b/i, 'usted, never tú');
    }
  });

  test('appointment mails carry their .ics invitation; other mails carry nothing', () => {
    const booked = renderMail('appointment-booked', 'pt-BR', APPOINTMENT, hostile);
    assert.equal(booked.attachments?.length, 1);
    const [invite] = booked.attachments!;
    assert.equal(invite!.filename, 'appointment.ics');
    assert.equal(invite!.contentType, 'text/calendar; charset=utf-8; method=REQUEST');
    assert.match(invite!.content, /\r\nMETHOD:REQUEST\r\n[^]*\r\nUID:3f2a9c1b-5d6e-4f70-8a9b-0c1d2e3f4a5b@portico\r\n/);
    assert.match(invite!.content, /\r\nDTSTART:20260331T120000Z\r\n/);
    const cancelled = renderMail('appointment-cancelled', 'en', APPOINTMENT, hostile).attachments!;
    assert.equal(cancelled[0]!.contentType, 'text/calendar; charset=utf-8; method=CANCEL');
    assert.match(cancelled[0]!.content, /\r\nMETHOD:CANCEL\r\n[^]*\r\nSTATUS:CANCELLED\r\n/);
    for (const template of MAIL_TEMPLATES.filter((name) => !name.startsWith('appointment-'))) {
      assert.equal('attachments' in renderMail(template, 'en', samples[template] as never, hostile), false, template);
    }
  });

  test('appointment data is checked: instants with their offset, a real time zone, end after start, a plain uid', () => {
    assert.equal(parseMailData('appointment-booked', { ...APPOINTMENT, start: '2026-03-31T09:00:00-03:00' }).start, '2026-03-31T09:00:00-03:00');
    const refused: [Partial<typeof APPOINTMENT>, RegExp][] = [
      [{ start: '2026-03-31T12:00:00' }, /start/],
      [{ end: '2026-03-31T11:00:00Z' }, /end must be after start/],
      [{ timeZone: 'Mars/Olympus_Mons' }, /timeZone/],
      [{ uid: 'abc\r\nATTENDEE:mailto:x@evil.test' }, /uid/],
      [{ serviceName: '' }, /serviceName/],
      [{ link: 'javascript:alert(1)' }, /link/],
    ];
    for (const [change, message] of refused) {
      assert.throws(() => parseMailData('appointment-cancelled', { ...APPOINTMENT, ...change }), (error: Error) => error instanceof MailDataError && message.test(error.message), JSON.stringify(change));
    }
  });
});
