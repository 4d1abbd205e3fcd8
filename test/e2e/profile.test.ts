import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CLINICA_SOL_PEOPLE, DEMO_API_TOKENS } from '../../demo/people.ts';
import { watchForErrors } from '../helpers/browser.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';

// The walk-through on the clinica-sol demo: Ana, after her first access, edits her phone directly, proposes
// a new name that waits for the clinic's approval, and confirms her data; the clinic approves the name.
let demo: DemoServer;

before(async () => {
  demo = await startDemoServer();
});
after(() => demo?.stop());

/** The newest mail to `to` at /dev/mail.json. */
async function mailTo(to: string): Promise<{ text: string }> {
  for (let i = 0; i < 100; i++) {
    const mails = (await (await fetch(`${demo.url}/dev/mail.json`)).json()) as { to: string; text: string }[];
    const mail = mails.find((m) => m.to === to);
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${to}`);
}

test('Ana edits her phone, proposes a new name for approval, and confirms her data', async () => {
  const page = await demo.browser.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${demo.url}/demo/clinica-sol/`);
  const email = CLINICA_SOL_PEOPLE.firstAccessPerson.email;
  await page.getByRole('button', { name: 'Cadastrar-se com um código enviado por e-mail' }).click({ timeout: 30_000 });
  await page.fill('portal-login input[name=email]', email);
  await page.getByRole('button', { name: 'Enviar o código' }).click();
  const code = /\b(\d{6})\b/.exec((await mailTo(email)).text)![1]!;
  await page.fill('portal-login input[name=code]', code);
  await page.fill('portal-login input[name=new-password]', 'ana primeira senha');
  await page.fill('portal-login input[name=repeat-password]', 'ana primeira senha');
  await page.getByRole('button', { name: 'Criar meu acesso' }).click();

  const profile = page.locator('portal-profile');
  // The clinic asks every client to confirm their data once a year: Ana has not yet.
  await profile.locator('[part~=confirm-banner]').waitFor();
  await profile.locator('input[name=phone]').fill('+55 19 99876-5432');
  await profile.locator('input[name=name]').fill('Ana Souza Prado');
  await profile.locator('[part~=save]').click();
  await profile.locator('[part~=saved]').waitFor();
  const summary = (await profile.locator('[part~=saved]').textContent()) ?? '';
  assert.match(summary, /Telefone/, summary);
  assert.match(summary, /Nome/, summary);
  await profile.locator('[part~=field][data-key=name] [part~=pending]').waitFor();
  assert.equal(await profile.locator('input[name=phone]').inputValue().then((value) => value.replace(/\D/g, '')), '5519998765432');

  await profile.locator('[part~=confirm-banner] [part~=confirm-button]').click();
  await profile.locator('[part~=confirmed]').waitFor();
  assert.equal(await profile.locator('[part~=confirm-banner]').count(), 0);

  // The clinic approves the new name through its API; Ana sees it after a reload.
  const headers = { Authorization: `Bearer ${DEMO_API_TOKENS['clinica-sol']}`, 'Content-Type': 'application/json' };
  const pending = (await (await fetch(`${demo.url}/api/v1/profile/changes?status=pending`, { headers })).json()) as { items: { id: string; field: string; after: unknown }[] };
  const name = pending.items.find((item) => item.field === 'name' && item.after === 'Ana Souza Prado');
  assert.ok(name, 'the proposed name waits in the clinic’s list');
  assert.equal((await fetch(`${demo.url}/api/v1/profile/changes/${name.id}/approve`, { method: 'POST', headers, body: '{}' })).status, 200);
  await page.reload();
  await profile.locator('input[name=name]').waitFor({ timeout: 30_000 });
  assert.equal(await profile.locator('input[name=name]').inputValue(), 'Ana Souza Prado');
  assert.equal(await profile.locator('[part~=field][data-key=name] [part~=pending]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
