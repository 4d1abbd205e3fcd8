import { describe } from '../../openapi/meta.ts';
import type { ReachableAccount, SessionAnswer, SessionInfo } from './schemas.ts';

/** An access token that is obviously not one: the examples never carry a real-looking secret. */
const exampleAccessToken = 'eyJhbGciOiJFUzI1NiJ9.eyJleGFtcGxlIjoibm90IGEgcmVhbCB0b2tlbiJ9.ZmFrZS1zaWduYXR1cmU';
const exampleLinkToken = 'EXAMPLE-link-token-not-real-000000000000000';

const exampleReachableAccount: ReachableAccount = {
  id: '2f4c6a8e-1b3d-4f5a-9c7e-0d2b4f6a8c1e',
  name: 'Metalúrgica Horizonte Ltda',
  kind: 'company',
  establishments: 'all',
};

const info: SessionInfo = {
  scope: 'full',
  user: { id: '5d1b2c3a-7e4f-4b6a-8c9d-0e1f2a3b4c5d', email: 'rh@horizonte.example', locale: 'pt-BR' },
  accounts: [exampleReachableAccount],
  accountId: exampleReachableAccount.id,
};

const session: SessionAnswer = { accessToken: exampleAccessToken, tokenType: 'Bearer', expiresIn: 300, ...info };

const cookieNote =
  'The answer also sets the session’s refresh cookie (`__Host-portico_rt_<tenant>`: HttpOnly, Secure, SameSite=None, Partitioned); call with `credentials: include`. The access token lives 5 minutes and stays in page memory.';
const sameAnswer = 'The answer is the same whether or not the address is known, so it cannot be used to find out who is a client.';
const newPassword = ['password_too_short', 'password_too_long', 'password_too_common'] as const;

/** The OpenAPI words of `/api/portal/auth/*`: what the login widget does with each call. */
export const authRouteDocs = {
  signIn: describe({
    summary: 'Sign in with e-mail and password',
    description: `The login widget’s main form. Wrong e-mail and wrong password are one and the same \`invalid_credentials\`, answered as slowly for an unknown address as for a known one. After 5 failures in an hour an address gets 2 tries a minute (\`too_many_attempts\` with \`Retry-After\`); the client can always get in with an e-mailed code instead. ${cookieNote}`,
    responses: { 200: { description: 'Signed in: the access token and what the user reaches (`accountId` set when there is one account only)', example: session } },
    problems: ['invalid_credentials', 'too_many_attempts'],
    requestExample: { email: 'rh@horizonte.example', password: 'an example passphrase' },
  }),
  registerCode: describe({
    summary: 'E-mail a 6-digit code to set a password',
    description: `“Create my access” / “I forgot my password” in the login widget: a client whose e-mail the business registered (as a user or as an account’s contact) gets a code valid 10 minutes, which the widget then sends with a new password to \`register\`. ${sameAnswer} One mail a minute and five an hour per address.`,
    responses: { 202: { description: 'Sent if the address is known', example: { status: 'sent-if-known' } } },
    problems: ['too_many_attempts'],
    requestExample: { email: 'ana@example.com' },
  }),
  register: describe({
    summary: 'Set a password with an e-mailed code, and sign in',
    description: `The second step after \`register/code\`: the code and the new password (at least 8 characters, not a common one). Every other session of the user ends. A wrong or expired code is \`invalid_code\` (ask for a new one). ${cookieNote}`,
    responses: { 201: { description: 'Password set and signed in', example: session } },
    problems: ['invalid_code', 'too_many_attempts', ...newPassword],
    requestExample: { email: 'rh@horizonte.example', code: '042917', password: 'an example passphrase' },
  }),
  firstAccess: describe({
    summary: 'E-mail a first-access link',
    description: `“First access” in the login widget: a client the business registered who has no password yet gets a link (valid 24 h) to the portal’s address, where the widget asks for a password. ${sameAnswer} One mail a minute and five an hour per address.`,
    responses: { 202: { description: 'Sent if the address may have one', example: { status: 'sent-if-known' } } },
    problems: ['too_many_attempts'],
    requestExample: { email: 'ana@example.com' },
  }),
  forgotPassword: describe({
    summary: 'E-mail a password-reset link',
    description: `“Forgot my password”: an active user gets a link (valid 30 minutes) to choose a new password. ${sameAnswer} One mail a minute and five an hour per address.`,
    responses: { 202: { description: 'Sent if the address belongs to an active user', example: { status: 'sent-if-known' } } },
    problems: ['too_many_attempts'],
    requestExample: { email: 'rh@horizonte.example' },
  }),
  inspectLink: describe({
    summary: 'What an e-mailed link is for, without using it',
    description:
      'An e-mailed link lands on the portal page as `#portico-link=<token>`; the widget takes the token out of the address bar and asks here what it is for, to show a password form (activation, reset, first access) or a “Continue” button (magic links). Looking does not spend the link, so mail scanners that follow links change nothing.',
    responses: { 200: { description: 'The link’s purpose and whether it needs a new password', example: { purpose: 'activation', needsPassword: true } } },
    problems: ['invalid_link'],
    requestExample: { token: exampleLinkToken },
  }),
  redeemLink: describe({
    summary: 'Use an e-mailed link and sign in',
    description: `Spends the link (once). Activation, reset and first-access links need \`password\` (\`password_required\` otherwise) and end every other session of the user; a magic link signs in as it is, and a profile link opens a session that reaches only the profile (\`scope: profile\`). An expired, used or unknown link is \`invalid_link\`: the widget offers to send a new one. ${cookieNote}`,
    responses: { 200: { description: 'Signed in', example: session } },
    problems: ['invalid_link', 'password_required', ...newPassword],
    requestExample: { token: exampleLinkToken, password: 'an example passphrase' },
  }),
  refresh: describe({
    summary: 'A new access token from the session cookie',
    description:
      'The widgets call this when a page loads (to restore the session) and before the access token expires. Each call rotates the refresh cookie; a cookie used again after 10 s ends the whole session (it was stolen). Without a cookie the answer is 204: nobody has signed in, which is not an error.',
    responses: {
      200: { description: 'A fresh access token (and a new refresh cookie)', example: session },
      204: { description: 'No session cookie: nothing to restore' },
    },
    problems: ['unauthenticated'],
  }),
  signOut: describe({
    summary: 'Sign out in this browser',
    description: 'Ends the session of the refresh cookie and clears it. Answers 204 even without a cookie.',
    responses: { 204: { description: 'Signed out' } },
  }),
  signOutEverywhere: describe({
    summary: 'Sign out on every device',
    description: 'Ends every session of the signed-in user (other browsers too) and clears this browser’s cookie.',
    responses: { 204: { description: 'Every session ended' } },
  }),
  session: describe({
    summary: 'Who is signed in and which accounts they reach',
    responses: { 200: { description: 'The session’s user, accounts and chosen account', example: info } },
  }),
  chooseAccount: describe({
    summary: 'Choose the account the session works on',
    description:
      'The account picker of a user who reaches several accounts: later calls that take no `accountId` act on this one. An account the user does not reach is answered as if it did not exist (`account_not_reachable`). The access token is not replaced: the choice is read from the session on every call.',
    responses: { 200: { description: 'The session with the chosen account', example: info } },
    problems: ['account_not_reachable'],
    requestExample: { accountId: exampleReachableAccount.id },
  }),
  quickAccess: describe({
    summary: 'Open one process with its number and access key',
    description:
      'Quick access without an account: the process number (10 digits) and the access key the business gave the client open a 15-minute session that sees only that process (and the news). There is no refresh cookie. Wrong number and wrong key are one `invalid_credentials`; after 20 failures in an hour from one address, `too_many_attempts`.',
    responses: {
      200: {
        description: 'A process-only access token',
        example: { accessToken: exampleAccessToken, tokenType: 'Bearer', expiresIn: 900, scope: 'process', processId: '0b8e7f52-4d0e-4a8f-9d51-2f3c1d7a9e10' },
      },
    },
    problems: ['invalid_credentials', 'too_many_attempts'],
    requestExample: { number: '4829163057', accessKey: 'EXMP-L3KY-NOT0-REAL' },
  }),
};
