import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { authorizationNumber, guidePdf, type GuideInput } from '../../server/features/appointments/guide-pdf.ts';
import { pdfToBuffer } from '../../server/features/billing/pdf/document.ts';
import type { Locale } from '../../server/features/tenants/schemas.ts';

/*
 * The guides are made uncompressed, so the text drawn is readable in the file: pdfkit writes each line in the
 * standard fonts as hex strings of WinAnsi bytes (`[<…> kern <…>] TJ`). `words` decodes them into one string.
 */
const uncompressed = { compress: false };
const WIN_ANSI_80 = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';

function lines(pdf: Buffer): string[] {
  const decode = (hex: string) =>
    hex.replace(/../g, (pair) => {
      const byte = parseInt(pair, 16);
      return byte >= 0x80 && byte <= 0x9f ? WIN_ANSI_80[byte - 0x80]! : String.fromCharCode(byte);
    });
  return [...pdf.toString('latin1').matchAll(/\[((?:<[0-9a-f]*>|[\s\d.-])*)\] TJ|<([0-9a-f]*)> Tj/g)].map(([, array, single]) =>
    (single !== undefined ? [single] : [...array!.matchAll(/<([0-9a-f]*)>/g)].map((match) => match[1]!)).map(decode).join('').replace(/\u00a0/g, ' '),
  );
}

const words = (pdf: Buffer) => lines(pdf).join(' ').replace(/\s+/g, ' ');
const pages = (pdf: Buffer) => Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);

const ID = '3f2a9c1b-5d6e-4f70-8a9b-0c1d2e3f4a5b';

function input(fields: Partial<GuideInput> = {}, appointment: Partial<GuideInput['appointment']> = {}): GuideInput {
  return {
    tenant: { name: 'Clínica Sol', primaryColor: '#0e7490', timeZone: 'America/Sao_Paulo' },
    locale: 'pt-BR',
    now: new Date('2026-03-20T13:05:00Z'),
    appointment: {
      id: ID,
      start: new Date('2026-03-31T12:00:00Z'),
      end: new Date('2026-03-31T13:30:00Z'),
      serviceName: 'Audiometria ocupacional',
      providerName: 'Dra. Helena Prado',
      accountName: 'Construtora Ômega Ltda',
      establishmentName: 'Filial Centro',
      ...appointment,
    },
    patient: { name: 'Ana Luíza Conceição', email: 'ana@example.com' },
    instructions: 'Repouso auditivo de 14 horas antes do exame.\nTraga os exames anteriores.',
    contact: '(11) 4002-8922',
    ...fields,
  };
}

const guide = async (value: GuideInput) => pdfToBuffer(guidePdf(value, uncompressed));

/** What each locale must say: its labels and the appointment written in its words, in São Paulo time. */
const expected: Record<Locale, { title: string; text: string[]; preparation: string; present: RegExp; contact: string }> = {
  'pt-BR': {
    title: 'Guia de autorização',
    text: ['Nº da autorização', 'Exame', 'Prestador', 'Paciente', 'Empresa', 'Estabelecimento', 'Terça-feira, 31 de março de 2026', '09:00 – 10:30', 'Horário Padrão de Brasília (GMT-03:00)', '1 hora e 30 minutos'],
    preparation: 'Preparo',
    present: /Apresente esta guia na recepção/,
    contact: 'Dúvidas, remarcação ou cancelamento: (11) 4002-8922',
  },
  es: {
    title: 'Guía de autorización',
    text: ['N.º de autorización', 'Prueba', 'Profesional o centro', 'Paciente', 'Empresa', 'Establecimiento', 'Martes, 31 de marzo de 2026', '9:00–10:30', 'hora estándar de Brasilia (GMT-03:00)', '1 hora y 30 minutos'],
    preparation: 'Preparación',
    present: /Presente esta guía en recepción/,
    contact: 'Dudas, cambios o cancelaciones: (11) 4002-8922',
  },
  en: {
    title: 'Authorization guide',
    text: ['Authorization no.', 'Exam', 'Provider', 'Patient', 'Company', 'Establishment', 'Tuesday, March 31, 2026', '9:00 – 10:30 AM', 'Brasilia Standard Time (GMT-03:00)', '1 hour, 30 minutes'],
    preparation: 'Preparation',
    present: /Present this guide at reception/,
    contact: 'Questions, rescheduling or cancelling: (11) 4002-8922',
  },
};

describe('authorization guide PDF', () => {
  for (const locale of ['pt-BR', 'es', 'en'] as const) {
    for (const withInstructions of [true, false]) {
      test(`${locale}, ${withInstructions ? 'with' : 'without'} preparation: one page with the appointment, the patient and what to do`, async () => {
        const want = expected[locale];
        const pdf = await guide(input({ locale, instructions: withInstructions ? 'Repouso auditivo de 14 horas antes do exame.\n\nTraga os exames anteriores.' : null }));
        assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
        assert.equal(pages(pdf), 1);
        const text = words(pdf);
        assert.ok(lines(pdf).filter((line) => line === want.title).length >= 2, 'the title in the band and as the heading');
        assert.ok(lines(pdf).includes('3F2A-9C1B'), 'the authorization number');
        for (const part of [...want.text, 'Audiometria ocupacional', 'Dra. Helena Prado', 'Ana Luíza Conceição', 'ana@example.com', 'Construtora Ômega Ltda', 'Filial Centro', want.contact]) {
          assert.ok(text.includes(part), `${locale}: missing "${part}" in: ${text}`);
        }
        assert.match(text, want.present);
        if (withInstructions) {
          assert.ok(lines(pdf).includes(want.preparation));
          // Each line of the instructions is its own paragraph; blank lines are dropped.
          assert.ok(lines(pdf).includes('Repouso auditivo de 14 horas antes do exame.'));
          assert.ok(lines(pdf).includes('Traga os exames anteriores.'));
        } else {
          assert.ok(!lines(pdf).includes(want.preparation), 'no preparation heading without instructions');
          assert.doesNotMatch(text, /Repouso/);
        }
      });
    }
  }

  test('the time is the tenant’s wall clock, with the zone and its offset as daylight saving has it that day', async () => {
    const madrid = { name: 'Martins Castro', primaryColor: '#7c2d12', timeZone: 'Europe/Madrid' };
    // Spain moves its clocks forward at 01:00 UTC on 29 March 2026: 08:00 UTC is 09:00 before, 10:00 after.
    const before = words(await guide(input({ tenant: madrid, locale: 'es' }, { start: new Date('2026-03-28T08:00:00Z'), end: new Date('2026-03-28T08:30:00Z') })));
    const after = words(await guide(input({ tenant: madrid, locale: 'es' }, { start: new Date('2026-03-30T08:00:00Z'), end: new Date('2026-03-30T08:30:00Z') })));
    assert.match(before, /Sábado, 28 de marzo de 2026/);
    assert.match(before, /9:00–9:30, hora estándar de Europa central \(GMT\+01:00\)/);
    assert.match(after, /Lunes, 30 de marzo de 2026/);
    assert.match(after, /10:00–10:30, hora de verano de Europa central \(GMT\+02:00\)/);
    assert.match(after, /30 minutos/);
    // The same instant for a tenant in São Paulo: the day before, late in the evening.
    const late = words(await guide(input({ locale: 'en' }, { start: new Date('2026-04-01T01:00:00Z'), end: new Date('2026-04-01T03:00:00Z') })));
    assert.match(late, /Tuesday, March 31, 2026/);
    // Past midnight, the range says on which day it ends.
    assert.match(late, /10:00 PM – 4\/1\/2026, 12:00 AM, Brasilia Standard Time/);
    assert.match(late, /2 hours/);
  });

  test('what is missing is left out: no e-mail, no establishment, an account in the patient’s own name, no contact', async () => {
    const pdf = await guide(input({ patient: { name: 'Ana Luíza Conceição', email: null }, contact: null }, { accountName: 'Ana Luíza Conceição', establishmentName: null }));
    const text = words(pdf);
    assert.ok(!lines(pdf).includes('E-mail') && !lines(pdf).includes('Empresa') && !lines(pdf).includes('Estabelecimento'));
    assert.equal(lines(pdf).filter((line) => line === 'Ana Luíza Conceição').length, 1, 'the name once, as the patient');
    assert.match(text, /Dúvidas, remarcação ou cancelamento: fale com Clínica Sol\./);
    const branch = words(await guide(input({}, { accountName: 'Ana Luíza Conceição', establishmentName: 'Filial Norte' })));
    assert.match(branch, /Estabelecimento Filial Norte/);
  });

  test('the tenant’s logo goes in the band when it has one', async () => {
    const without = (await guide(input())).toString('latin1');
    assert.doesNotMatch(without, /\/Subtype \/Image/);
    const chunk = (type: string, body: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(body.length);
      head.write(type, 4, 'latin1');
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])));
      return Buffer.concat([head, body, crc]);
    };
    // 2 × 1 pixels, RGB: 64 × 32 points in the band.
    const header = Buffer.from([0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    const pixels = deflateSync(Buffer.from([0, 0x0e, 0x74, 0x90, 0xf9, 0x73, 0x16]));
    const bytes = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
    const tenant = { ...input().tenant, logo: { bytes, type: 'image/png' as const } };
    const withLogo = await guide(input({ tenant }));
    assert.equal(pages(withLogo), 1);
    assert.equal(withLogo.toString('latin1').match(/\/Subtype \/Image/g)?.length, 1);
    assert.match(withLogo.toString('latin1'), /\n64 0 0 -32 44 44 cm\n\/I1 Do/);
    assert.ok(words(withLogo).includes('Clínica Sol'));
  });

  test('the authorization number is the id’s first 8 hex digits, upper case, in two groups', () => {
    assert.equal(authorizationNumber(ID), '3F2A-9C1B');
    assert.equal(authorizationNumber('0000abcd-ffff-4000-8000-000000000000'), '0000-ABCD');
    assert.equal(authorizationNumber('ab-cd'), 'ABCD');
  });
});
