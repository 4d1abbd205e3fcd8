import { describe } from '../../openapi/meta.ts';

const userId = '5d1b2c3a-7e4f-4b6a-8c9d-0e1f2a3b4c5d';
const noPortalAddress = 'Links land on the portal’s address: without one set in the settings, `portal_address_missing`.';

/** The OpenAPI words of the `/api/v1/users` invitations, e-mails, disabling and magic links. */
export const userRouteDocs = {
  invite: describe({
    summary: 'Invite a person to an account',
    description: `Gives the e-mail access to the account — to all its establishments, or only to \`establishmentIds\` — and e-mails an activation link valid 72 h to a user who has not activated yet. A user who already exists gains (or has changed) the membership; an active one is not e-mailed. An unknown \`accountId\` is \`not_found\`; an establishment of another account, \`invalid_input\`. ${noPortalAddress}`,
    responses: { 201: { description: 'The user, and whether an activation e-mail went out', example: { userId, status: 'pending', activationSent: true } } },
    problems: ['not_found', 'portal_address_missing'],
    requestExample: { email: 'filial@horizonte.example', accountId: '2f4c6a8e-1b3d-4f5a-9c7e-0d2b4f6a8c1e', establishmentIds: ['7b1e3c5a-9d2f-4e6b-8a0c-1d3e5f7a9b2c'], locale: 'pt-BR' },
  }),
  activationEmail: describe({
    summary: 'Send the activation e-mail again',
    description: `A new activation link (72 h) for a user who has not activated yet; any other user is \`invalid_input\` with status 409. ${noPortalAddress}`,
    responses: { 202: { description: 'Queued for sending', example: { status: 'sent' } } },
    problems: ['portal_address_missing', ['invalid_input', 409]],
  }),
  passwordReset: describe({
    summary: 'E-mail a user a password-reset link',
    description: `On the client’s behalf, e.g. after a phone call: a link valid 30 minutes to choose a new password. Only an active user has one; any other is \`invalid_input\` with status 409. ${noPortalAddress}`,
    responses: { 202: { description: 'Queued for sending', example: { status: 'sent' } } },
    problems: ['portal_address_missing', ['invalid_input', 409]],
  }),
  disable: describe({
    summary: 'Disable a user',
    description: 'The user can no longer sign in, and every session ends at once. `POST /api/v1/users/{id}/enable` undoes it.',
    responses: { 204: { description: 'Disabled' } },
  }),
  magicLinks: describe({
    summary: 'E-mail sign-in links without a password',
    description: `Links valid 15 minutes to every user of \`accountId\`, to a selection (\`userIds\`: unknown and disabled users are skipped) or, with neither, to every user of the portal. \`profileOnly: true\` sends links that open only the profile — for asking clients to review their data. Each call sends new e-mails. ${noPortalAddress}`,
    responses: { 202: { description: 'How many links were queued', example: { sent: 3 } } },
    problems: ['portal_address_missing'],
    requestExample: { accountId: '2f4c6a8e-1b3d-4f5a-9c7e-0d2b4f6a8c1e', profileOnly: true },
  }),
};
