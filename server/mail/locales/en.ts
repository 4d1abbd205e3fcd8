import { appointmentStart, appointmentWhen, duration, type LocaleCopy } from '../copy.ts';

const STATUS = { open: 'open', 'in-progress': 'in progress', answered: 'answered', closed: 'closed' } as const;
const minutes = (amount: number) => duration('en', amount, 'minute');
const hours = (amount: number) => duration('en', amount, 'hour');
const spam =
  'Waiting for another e-mail from us that has not arrived? Check your spam folder too, and add this address to your contacts so our messages reach your inbox.';
const ignore = 'If you did not expect this e-mail, you can ignore it.';

/** Mail in English. */
export const en: LocaleCopy = {
  codeLabel: 'Your code',
  fallbackLink: 'If the button does not work, copy this address into your browser:',
  footer: (tenant) => `Sent by the ${tenant} client portal.`,
  templates: {
    activation: ({ link, expiresInHours }, tenant) => ({
      subject: `Activate your access to ${tenant}`,
      heading: 'Activate your access',
      intro: [`${tenant} has created your access to its client portal. Confirm your e-mail address and choose your password with the button below.`],
      action: { button: 'Activate my access', link },
      notes: [`This link expires in ${hours(expiresInHours)} and works only once.`, ignore],
    }),
    'staff-setup': ({ link, expiresInHours, invitedBy }, tenant) => ({
      subject: `Your access to the ${tenant} console`,
      heading: 'Set up your console access',
      intro: [`${invitedBy} added you to the staff of ${tenant} on Portico. Choose your password and add Portico to an authenticator app: the console always asks for a code from it.`],
      action: { button: 'Set up my access', link },
      notes: [`This link expires in ${hours(expiresInHours)} and works only once.`, ignore],
    }),
    'test-mail': ({ sentBy }, tenant) => ({
      subject: `Test mail from ${tenant}`,
      heading: 'Mail from your portal arrives',
      intro: [`${sentBy} sent this test from the ${tenant} console. If you are reading it, the portal's e-mails (activation links, codes, notices) reach this inbox.`],
      notes: [spam],
    }),
    'register-code': ({ code, expiresInMinutes }, tenant) => ({
      subject: `Your verification code for ${tenant}`,
      heading: 'Confirm your e-mail',
      intro: [`Use this code to confirm your e-mail address and create your account on the ${tenant} client portal:`],
      action: { code },
      notes: [
        'This code is not your password: it is a one-time verification code. Type it in the portal, where you will then choose your password.',
        `It expires in ${minutes(expiresInMinutes)}. If you did not ask for it, ignore this e-mail.`,
        spam,
      ],
    }),
    'first-access': ({ link, expiresInHours }, tenant) => ({
      subject: `Your access to the ${tenant} client portal`,
      heading: 'Your client portal is ready',
      intro: [
        `${tenant} has given you access to its client portal, where you can follow your services, documents and payments.`,
        'Choose your password to sign in for the first time.',
      ],
      action: { button: 'Choose my password', link },
      notes: [`This link expires in ${hours(expiresInHours)} and works only once.`, ignore],
    }),
    reset: ({ link, expiresInMinutes }, tenant) => ({
      subject: `Reset your ${tenant} portal password`,
      heading: 'Reset your password',
      intro: [`We received a request to reset the password of your ${tenant} client portal account. Choose a new password with the button below.`],
      action: { button: 'Choose a new password', link },
      notes: [
        `This link expires in ${minutes(expiresInMinutes)} and works only once.`,
        'If you did not ask for this, ignore this e-mail: your password stays the same.',
      ],
    }),
    'magic-link': ({ link, expiresInMinutes, profileOnly }, tenant) =>
      profileOnly === 'true'
        ? {
            subject: `Update your details at ${tenant}`,
            heading: 'Update your details',
            intro: [`${tenant} asks you to check and update your details. The button below opens your profile directly, without a password.`],
            action: { button: 'Update my details', link },
            notes: [`This link opens only your profile, expires in ${minutes(expiresInMinutes)} and works only once.`, ignore],
          }
        : {
            subject: `Your sign-in link for ${tenant}`,
            heading: 'Sign in to your portal',
            intro: [`Use the button below to sign in to the ${tenant} client portal without typing your password.`],
            action: { button: 'Sign in', link },
            notes: [
              `This link expires in ${minutes(expiresInMinutes)} and works only once. Do not forward this e-mail: whoever has the link can sign in as you.`,
              ignore,
            ],
          },
    'sign-in-code': ({ code, expiresInMinutes }, tenant) => ({
      subject: `Your sign-in code for ${tenant}`,
      heading: 'Your sign-in code',
      intro: [`Use this code to sign in to the ${tenant} client portal:`],
      action: { code },
      notes: [
        `This code is not your password: it is good for one sign-in only and expires in ${minutes(expiresInMinutes)}.`,
        `Never share it: ${tenant} will never ask you for it. If you did not try to sign in, ignore this e-mail.`,
        spam,
      ],
    }),
    'request-update': ({ link, requestSubject, event, status }, tenant) => ({
      subject: event === 'reply' ? `${tenant} answered your request` : `Your request to ${tenant}: ${STATUS[status]}`,
      heading: event === 'reply' ? 'You have an answer' : 'Your request moved on',
      intro: [
        event === 'reply' ? `${tenant} answered your request “${requestSubject}”.` : `Your request “${requestSubject}” is now ${STATUS[status]}.`,
        'Sign in to the client portal to read it and, if you need to, reply.',
      ],
      action: { button: 'Open my request', link },
      notes: [`You get this e-mail because you made this request on the ${tenant} client portal.`],
    }),
    'process-update': ({ link, processTitle, event, detail }, tenant) => ({
      subject: event === 'phase' ? `${tenant}: your case moved on to “${detail}”` : `${tenant}: news on your case — ${detail}`,
      heading: event === 'phase' ? 'Your case moved on' : 'There is news on your case',
      intro: [
        event === 'phase' ? `The case “${processTitle}” is now in the phase “${detail}”.` : `${tenant} posted “${detail}” on the case “${processTitle}”.`,
        'Open the client portal to see the details.',
      ],
      action: { button: 'See my case', link },
      notes: [`You get this e-mail because ${tenant} handles this case and you can see it in the client portal.`],
    }),
    'document-new': ({ link, documentTitle }, tenant) => ({
      subject: `${tenant}: new document — ${documentTitle}`,
      heading: 'You have a new document',
      intro: [`${tenant} made “${documentTitle}” available in the client portal.`],
      action: { button: 'See my documents', link },
      notes: [`You get this e-mail because you can see this account's documents in ${tenant}'s client portal.`],
    }),
    'appointment-booked': (data, tenant) => ({
      subject: `${tenant}: appointment confirmed — ${data.serviceName}, ${appointmentStart('en', data)}`,
      heading: 'Your appointment is confirmed',
      intro: [
        `${data.serviceName} with ${data.providerName}.`,
        `When: ${appointmentWhen('en', data)}.`,
        ...(data.location ? [`Where: ${data.location}.`] : []),
        'The attached invitation (appointment.ics) puts it in your calendar.',
      ],
      action: { button: 'See my appointments', link: data.link },
      notes: [
        'To see the details or cancel it, within the time allowed, sign in to the client portal.',
        `You get this e-mail because there is an appointment in your name in ${tenant}'s client portal.`,
      ],
    }),
    'appointment-cancelled': (data, tenant) => ({
      subject: `${tenant}: appointment cancelled — ${data.serviceName}, ${appointmentStart('en', data)}`,
      heading: 'Your appointment was cancelled',
      intro: [
        `The appointment for ${data.serviceName} with ${data.providerName} on ${appointmentWhen('en', data)} was cancelled.`,
        'The attached invitation (appointment.ics) takes it out of your calendar.',
      ],
      action: { button: 'See my appointments', link: data.link },
      notes: [
        `If you did not ask for this cancellation, please contact ${tenant}.`,
        `You get this e-mail because there was an appointment in your name in ${tenant}'s client portal.`,
      ],
    }),
  },
};
