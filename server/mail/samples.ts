import type { MailDataInput, MailTemplate } from './templates.ts';

const link = 'https://www.example.com/portal#preview';
const appointment = {
  link,
  serviceName: 'Audiometria ocupacional',
  providerName: 'Dra. Helena Prado',
  start: '2026-03-31T12:00:00Z',
  end: '2026-03-31T12:30:00Z',
  timeZone: 'America/Sao_Paulo',
  uid: 'preview@portico',
  location: 'Unidade Centro',
};

/** Plausible data for every template: what the console's preview (G5) renders them with. */
export const MAIL_SAMPLES: { [T in MailTemplate]: MailDataInput<T> } = {
  activation: { link, expiresInHours: 72 },
  'staff-setup': { link, expiresInHours: 72, invitedBy: 'Marta Ribeiro' },
  'test-mail': { sentBy: 'Marta Ribeiro' },
  'register-code': { code: '482913', expiresInMinutes: 10 },
  'first-access': { link, expiresInHours: 24 },
  reset: { link, expiresInMinutes: 30 },
  'magic-link': { link, expiresInMinutes: 15, profileOnly: 'false' },
  'sign-in-code': { code: '482913', expiresInMinutes: 10 },
  'request-update': { link, requestSubject: 'Segunda via do boleto', event: 'reply', status: 'answered' },
  'process-update': { link, processTitle: 'Nacionalidad española', event: 'phase', detail: 'Resolución' },
  'document-new': { link, documentTitle: 'PCMSO 2026 — Matriz' },
  'appointment-booked': appointment,
  'appointment-cancelled': appointment,
};
