import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_API_TOKENS, DEMO_STAFF } from '../../demo/people.ts';
import { totpCode } from '../../server/features/staff/totp.ts';
import { axeViolations } from '../helpers/axe.ts';
import { watchForErrors } from '../helpers/browser.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';

// The staff console (issue 12) on the demo, as each business's owner uses it: a password and a code from the
// authenticator app (computed here from the demo's secret), then every section's main action and the audit entry it
// leaves; and a new staff member's first access through the setup link.
let demo: DemoServer;

before(async () => {
  demo = await startDemoServer();
});
after(() => demo?.stop());

type Slug = keyof typeof DEMO_STAFF;

async function signIn(page: Page, slug: Slug) {
  const staff = DEMO_STAFF[slug];
  await page.goto(`${demo.url}/admin/?tenant=${slug}`);
  await page.locator('admin-sign-in input[name=email]').fill(staff.email, { timeout: 30_000 });
  await page.locator('admin-sign-in input[name=password]').fill(staff.password);
  assert.deepEqual(await axeViolations(page), [], 'the sign-in');
  await page.keyboard.press('Enter');
  await page.locator('admin-sign-in input[name=code]').fill(totpCode(staff.totpSecret, new Date()));
  assert.deepEqual(await axeViolations(page), [], 'the second factor');
  await page.keyboard.press('Enter');
  await page.getByRole('navigation').waitFor();
}

/** Opens a section from the menu and waits for its heading; every console page passes axe. */
async function open(page: Page, name: string | RegExp, heading: string | RegExp = name) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await page.getByRole('main').getByRole('heading', { level: 2, name: heading }).waitFor();
  await page.getByRole('main').locator('[aria-busy=true]').first().waitFor({ state: 'detached' }).catch(() => undefined);
  assert.deepEqual(await axeViolations(page), [], `the ${String(name)} page`);
}

/** A call the console itself makes: an access token from the session cookie, then `/api/v1` with it. */
function consoleCall(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/admin/auth/token', { method: 'POST' })).json();
      const response = await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${session.accessToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body },
  );
}

async function integration(slug: Slug, path: string) {
  return fetch(`${demo.url}${path}`, { headers: { Authorization: `Bearer ${DEMO_API_TOKENS[slug]}` } });
}

async function mailTo(address: string): Promise<{ subject: string; text: string }> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const mail = ((await (await fetch(`${demo.url}/dev/mail.json`)).json()) as { to: string; subject: string; text: string }[]).find((item) => item.to === address);
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${address}`);
}

test('Clínica Sol: the owner brands the portal, sets an exception, invites and imports users, makes a token, approves a change, tests the mail — each audited', async () => {
  const context = await demo.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await signIn(page, 'clinica-sol');

  // Settings: a colour that fails contrast is flagged; saving asks for the password again (seed 004).
  await open(page, 'Settings');
  const primary = page.getByRole('group', { name: 'Primary colour' }).getByRole('textbox', { name: 'Code' });
  await primary.fill('#ffff00');
  const branding = page.getByRole('region', { name: 'Branding' });
  await primary.press('Tab');
  // The portal keeps the hue and uses a darker shade for links and the focus ring; staff are told which.
  await branding.locator('[part~=contrast-warning]').getByText(/too light to read as text/).first().waitFor();
  await branding.getByRole('button', { name: 'Save branding' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
  await dialog.getByLabel('Password').fill(DEMO_STAFF['clinica-sol'].password);
  assert.deepEqual(await axeViolations(page), [], 'the password dialog');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.waitFor({ state: 'hidden' });
  for (let attempt = 0; attempt < 50; attempt++) {
    const tenant = (await (await fetch(`${demo.url}/api/portal/tenants/clinica-sol`)).json()) as { branding: { primaryColor: string } };
    if (tenant.branding.primaryColor === '#ffff00') break;
    assert.ok(attempt < 49, 'the new colour reached the portal');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  // Accounts: news switched off for the company only (G3), seen by the business's own API.
  await open(page, 'Accounts');
  await page.getByRole('button', { name: /Details and exceptions\s*:\s*Metalúrgica Horizonte Ltda/ }).click();
  const company = (await (await integration('clinica-sol', '/api/v1/accounts?q=Horizonte')).json()) as { items: { id: string }[] };
  const accountId = company.items[0]!.id;
  await page.getByRole('group', { name: 'News', exact: true }).getByRole('radio', { name: 'Off for this account' }).check();
  assert.deepEqual(await axeViolations(page), [], 'the account’s exceptions');
  await page.getByRole('button', { name: 'Save module exceptions' }).click();
  for (let attempt = 0; attempt < 50; attempt++) {
    const modules = (await (await integration('clinica-sol', `/api/v1/accounts/${accountId}/modules`)).json()) as { exceptions: Record<string, boolean> };
    if (modules.exceptions.news === false) break;
    assert.ok(attempt < 49, 'the exception was saved');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  // Users: a new user for one establishment stays pending and gets the activation e-mail (G4, A1, A11).
  await open(page, 'Portal users');
  await page.getByRole('button', { name: 'New user' }).click();
  const invite = page.getByRole('dialog', { name: 'Invite a portal user' });
  await invite.getByLabel('E-mail', { exact: true }).fill('seguranca@horizonte.example');
  await invite.getByLabel(/Find the account/).fill('Horizonte');
  await invite.getByRole('button', { name: 'Search' }).click();
  await invite.getByRole('radio', { name: /Metalúrgica Horizonte Ltda/ }).check();
  await invite.getByRole('radio', { name: 'Only chosen establishments' }).check();
  await invite.getByRole('checkbox', { name: 'Filial Contagem' }).check();
  assert.deepEqual(await axeViolations(page), [], 'the new-user dialog');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await invite.waitFor({ state: 'hidden' });
  const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'seguranca@horizonte.example' }) });
  await row.getByText('Invited, not yet activated').waitFor();
  assert.match((await mailTo('seguranca@horizonte.example')).subject, /Ative seu acesso|Activate/);

  // CSV import with a bad row: the preview names the problem, the good rows are invited.
  await page.getByRole('button', { name: 'Import from CSV' }).click();
  const csv = ['email,account,establishments,locale', 'sst@horizonte.example,11.222.333/0001-81,Matriz,pt-BR', 'ninguem@example.com,99.999.999/0001-99,,', 'compras@horizonte.example,11222333000181,,'].join('\n');
  await page.getByRole('textbox', { name: /paste|CSV/i }).fill(csv);
  await page.getByRole('button', { name: /Check|Preview/i }).click();
  await page.getByText(/No account|account.*not found|not.*account/i).first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the import preview');
  await page.getByRole('button', { name: /Invite 2 users/ }).click();
  await page.getByText(/2 (users )?(were )?invited|Invited 2/i).first().waitFor();
  await mailTo('compras@horizonte.example');

  // Disable and enable a user.
  await page.getByRole('searchbox', { name: 'Search by e-mail' }).fill('compras@');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Disable (compras@horizonte.example)' }).click();
  await page.getByRole('button', { name: /^(Yes, )?disable/i }).first().click();
  await page.getByRole('button', { name: 'Enable (compras@horizonte.example)' }).click();
  await page.getByRole('button', { name: 'Disable (compras@horizonte.example)' }).waitFor();

  // API tokens: shown once, used, revoked (A12).
  await open(page, 'API tokens');
  await page.getByRole('button', { name: 'New token' }).click();
  await page.getByLabel(/^Name/).fill('ERP e2e');
  await page.getByRole('group', { name: /Accounts/ }).getByRole('checkbox', { name: /View/ }).check();
  await page.getByRole('button', { name: /Create (the )?token/ }).click();
  const shown = page.getByRole('textbox', { name: /token/i, exact: false }).and(page.locator('[readonly]'));
  const token = await shown.inputValue();
  assert.match(token, /^ptk_clinica-sol_/);
  assert.equal((await fetch(`${demo.url}/api/v1/accounts`, { headers: { Authorization: `Bearer ${token}` } })).status, 200);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Revoke ERP e2e' }).click();
  await page.getByRole('button', { name: /^(Yes, )?revoke/i }).first().click();
  await page.getByRole('listitem').filter({ hasText: 'ERP e2e' }).getByText('Revoked').waitFor();
  assert.equal((await fetch(`${demo.url}/api/v1/accounts`, { headers: { Authorization: `Bearer ${token}` } })).status, 401);

  // Registration changes: the company's new name approved (P3).
  await open(page, 'Registration changes');
  await page.getByRole('button', { name: 'Approve the Name change of Metalúrgica Horizonte Ltda' }).click();
  await page.getByRole('button', { name: 'Approve change' }).click();
  await page.getByText(/Nothing waiting for approval/).waitFor();

  // Mail: a test mail through the outbox, delivered (G5).
  await open(page, 'Mail');
  await page.getByRole('tab', { name: 'Test mail' }).click();
  await page.getByRole('textbox', { name: 'Send to' }).fill('marta.teste@clinicasol.example');
  await page.getByRole('button', { name: 'Send test mail' }).click();
  assert.match((await mailTo('marta.teste@clinicasol.example')).subject, /Test mail|E-mail de teste/);

  // The sections this walk did not act in pass the accessibility check too.
  await open(page, 'Inbox');
  await open(page, 'Appointments');
  await open(page, 'Content');
  await open(page, 'Processes');
  await open(page, 'Documents');
  await open(page, 'Billing');
  await open(page, 'Team');
  await open(page, 'Embed', 'Embed the portal on your website');

  // Every action above left its entry, under the staff member's name (A13).
  await open(page, 'Audit log');
  const audit = await consoleCall(page, 'GET', '/api/v1/audit?actorType=staff&limit=200');
  assert.equal(audit.status, 200);
  const actions = new Set((audit.body.items as { action: string }[]).map((item) => item.action));
  for (const action of ['staff-signed-in', 'staff-password-confirmed', 'settings-changed', 'account-modules-changed', 'invited', 'disabled', 'enabled', 'token-created', 'token-revoked', 'test-mail-sent']) {
    assert.ok(actions.has(action), `audited: ${action} (have ${[...actions].join(', ')})`);
  }
  // The one refusal on the way is the server asking for the password again (403 password_confirmation_required).
  assert.deepEqual(errors.filter((error) => !/status of 403/.test(error)), []);
  assert.equal(errors.length, 1);

  // Never another portal's data: the console's own calls with Martins Castro's ids answer 404 (SECURITY.md 17).
  const theirs = (await (await integration('martins-castro', '/api/v1/accounts')).json()) as { items: { id: string }[] };
  const foreign = theirs.items[0]!.id;
  assert.equal((await consoleCall(page, 'GET', `/api/v1/accounts/${foreign}`)).status, 404);
  assert.equal((await consoleCall(page, 'GET', `/api/v1/accounts/${foreign}/modules`)).status, 404);
  assert.equal((await consoleCall(page, 'PUT', `/api/v1/accounts/${foreign}/modules`, { modules: { news: false } })).status, 404);
  assert.equal((await consoleCall(page, 'GET', `/api/v1/appointments/accounts/${foreign}/settings`)).status, 404);
  assert.deepEqual((await consoleCall(page, 'GET', `/api/v1/users?accountId=${foreign}`)).body.items, []);
  const after = (await (await integration('martins-castro', `/api/v1/accounts/${foreign}/modules`)).json()) as { exceptions: Record<string, boolean> };
  assert.equal(after.exceptions.news, undefined, 'their account is untouched');
  await context.close();
});

test('Martins Castro: the owner invites an admin, who sets a password and the authenticator through the setup link', async () => {
  const context = await demo.browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await signIn(page, 'martins-castro');

  // The inbox (G8): a client's request answered from the console; Lucía is told by e-mail.
  await open(page, 'Bandeja de entrada');
  await page.getByRole('button', { name: 'Falta el certificado de antecedentes' }).click();
  await page.getByRole('textbox', { name: 'Su respuesta' }).fill('Hemos recibido el certificado; su expediente sigue adelante.');
  assert.deepEqual(await axeViolations(page), [], 'a request in the inbox');
  await page.getByRole('button', { name: 'Enviar respuesta' }).click();
  await page.getByText('Respuesta enviada. La solicitud está ahora respondida.').waitFor();
  for (let attempt = 0; attempt < 100; attempt++) {
    const mail = ((await (await fetch(`${demo.url}/dev/mail.json`)).json()) as { to: string; text: string }[]).filter((item) => item.to === 'lucia@example.com');
    if (mail.some((item) => /certificado de antecedentes/.test(item.text))) break;
    assert.ok(attempt < 99, 'Lucía was told of the reply');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await open(page, 'Citas');

  await open(page, 'Equipo');
  await page.getByRole('button', { name: /Invitar/ }).click();
  const form = page.getByRole('form', { name: /Invitar/ });
  await form.getByRole('textbox', { name: 'Correo electrónico' }).fill('nuria@martinscastro.example');
  await form.getByRole('textbox', { name: 'Nombre' }).fill('Nuria Castro');
  await form.getByRole('radio', { name: 'Administrador' }).check();
  assert.deepEqual(await axeViolations(page), [], 'the invitation form');
  await form.getByRole('button', { name: /Enviar/ }).click();
  // Inviting staff asks for the password again.
  const confirm = page.getByRole('dialog', { name: /Confirme/ });
  await confirm.getByLabel('Contraseña').fill(DEMO_STAFF['martins-castro'].password);
  await confirm.getByRole('button', { name: 'Confirmar' }).click();
  await page.getByRole('heading', { name: 'Nuria Castro' }).waitFor();
  const mail = await mailTo('nuria@martinscastro.example');
  const link = /https?:\/\/\S+\/admin\/#setup=\S+/.exec(mail.text)?.[0];
  assert.ok(link, 'the setup link is in the mail');
  assert.deepEqual(errors.filter((error) => !/status of 403/.test(error)), []);

  // Nuria, on her own browser: password, authenticator, recovery codes, the console.
  const hers = await demo.browser.newContext({ locale: 'es-ES' });
  const newcomer = await hers.newPage();
  const herErrors = watchForErrors(newcomer);
  await newcomer.goto(link.replace(/^https?:\/\/[^/]+/, demo.url));
  await newcomer.locator('admin-sign-in input[name=new-password]').fill('nuria tiene una clave larga');
  await newcomer.locator('admin-sign-in input[name=repeat-password]').fill('nuria tiene una clave larga');
  await newcomer.keyboard.press('Enter');
  const key = newcomer.locator('admin-sign-in [part~=secret], admin-sign-in code').first();
  await key.waitFor();
  const secret = (await key.textContent())!.replace(/\s/g, '');
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.deepEqual(await axeViolations(newcomer), [], 'the enrolment');
  await newcomer.locator('admin-sign-in input[name=code]').fill(totpCode(secret, new Date()));
  await newcomer.keyboard.press('Enter');
  await newcomer.locator('admin-sign-in input[name=saved]').check();
  assert.deepEqual(await axeViolations(newcomer), [], 'the recovery codes');
  await newcomer.keyboard.press('Enter');
  await newcomer.getByRole('button', { name: /Continuar/ }).click().catch(() => undefined);
  await newcomer.getByRole('navigation').waitFor();
  assert.ok(await newcomer.getByRole('navigation').getByRole('link', { name: 'Equipo' }).isVisible(), 'an admin manages the team');
  assert.deepEqual(herErrors, []);

  const audit = await consoleCall(page, 'GET', '/api/v1/audit?subjectType=staff_user&limit=200');
  const actions = (audit.body.items as { action: string }[]).map((item) => item.action);
  for (const action of ['staff-invited', 'staff-second-factor-enrolled']) assert.ok(actions.includes(action), action);
  await hers.close();
  await context.close();
});
