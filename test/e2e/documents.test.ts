import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { CLINICA_SOL_PEOPLE, DEMO_SIGN_INS } from '../../demo/people.ts';
import { watchForErrors } from '../helpers/browser.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';

// The walk-through on the clinica-sol demo: rh@horizonte.example filters the PCMSO documents and downloads
// one; filial@horizonte.example, once activated from the e-mailed link, sees only Filial Contagem's documents.
let demo: DemoServer;

before(async () => {
  demo = await startDemoServer();
});
after(() => demo?.stop());

test('rh@horizonte.example filters PCMSO documents and downloads one', async () => {
  const page = await demo.browser.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${demo.url}/demo/clinica-sol/`);
  await page.fill('portal-login input[name=email]', DEMO_SIGN_INS['clinica-sol'].email);
  await page.fill('portal-login input[name=password]', DEMO_SIGN_INS['clinica-sol'].password);
  await page.keyboard.press('Enter');
  const documents = page.locator('portal-documents');
  await documents.locator('[part~=document]').first().waitFor();
  await documents.getByLabel('Categoria').selectOption('pcmso');
  await documents.locator('[part~=document]', { hasText: 'PCMSO' }).first().waitFor();
  const titles = await documents.locator('[part~=document] [part~=title]').allTextContents();
  assert.ok(titles.length >= 2 && titles.every((title) => title.includes('PCMSO')), titles.join(' | '));
  const [download] = await Promise.all([page.waitForEvent('download'), documents.getByRole('button', { name: /Baixar.*PCMSO \d{4} — Matriz/ }).first().click()]);
  assert.match(download.suggestedFilename(), /^PCMSO \d{4} — Matriz\.pdf$/);
  assert.equal((await readFile((await download.path())!)).subarray(0, 5).toString(), '%PDF-');
  assert.deepEqual(errors, []);
  await page.close();
});

test('filial@horizonte.example activates the access and sees only Filial Contagem’s documents', async () => {
  const email = CLINICA_SOL_PEOPLE.pendingBranchUser;
  let invitation: { to: string; text: string } | undefined;
  for (let i = 0; i < 100 && !invitation; i++) {
    const mails = (await (await fetch(`${demo.url}/dev/mail.json`)).json()) as { to: string; text: string }[];
    invitation = mails.find((mail) => mail.to === email);
    if (!invitation) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.ok(invitation, `the invitation to ${email} is at /dev/mail`);
  const link = /https?:\/\/\S+#portico-link=[\w-]{43}/.exec(invitation.text)![0];
  const page = await demo.browser.newPage();
  const errors = watchForErrors(page);
  await page.goto(link);
  await page.fill('portal-login input[name=new-password]', 'filial contagem 2026');
  await page.fill('portal-login input[name=repeat-password]', 'filial contagem 2026');
  await page.keyboard.press('Enter');
  const documents = page.locator('portal-documents');
  await documents.locator('[part~=document]').first().waitFor();
  const sites = await documents.locator('[part~=document] [part~=establishment]').allTextContents();
  assert.ok(sites.length > 0 && sites.every((site) => site.includes('Filial Contagem')), sites.join(' | '));
  const titles = (await documents.locator('[part~=document] [part~=title]').allTextContents()).join(' | ');
  assert.ok(!titles.includes('Matriz') && !titles.includes('PGR'), titles);
  assert.deepEqual(errors, []);
  await page.close();
});
