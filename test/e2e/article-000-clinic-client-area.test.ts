import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Download, Page } from 'playwright-core';
import { CLINICA_SOL_PEOPLE } from '../../demo/people.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';
import { startWalkthrough } from '../helpers/walkthrough.ts';
import { codeIn, followLink, integrationCall, Mailbox, signOutClient } from '../helpers/walkthrough-steps.ts';

// Help-centre article 000 (My Smart Clinic, pt-BR), "Área do cliente", read by a client of the Clínica Sol demo:
// the finance person of Metalúrgica Horizonte reaches the client area, gets in for the first time with the e-mail the
// clinic has on file, and does each thing the article lists; then comes back another day, has forgotten the password,
// resets it by e-mail and signs in with the new one.
let demo: DemoServer;

before(async () => {
  demo = await startDemoServer();
});
after(() => demo?.stop());

const FINANCE = 'financeiro@horizonte.example';
const FIRST_PASSWORD = 'horizonte financeiro 2026';
const NEW_PASSWORD = 'nova senha do financeiro';

/** The clinic's client area: its whole-portal page (`portal.html`), at a section when one is named. */
async function clientArea(page: Page, section = '') {
  await page.goto(`${demo.url}/demo/clinica-sol/portal.html${section ? `#${section}` : ''}`);
  await page.locator('portal-app').waitFor();
}

/** An entry of the client area's menu. */
const menu = (page: Page, name: string) => page.locator('portal-app [part~=nav-link]').filter({ hasText: name });

async function isPdf(download: Download): Promise<boolean> {
  return (await readFile((await download.path())!)).subarray(0, 5).toString() === '%PDF-';
}

test('article 000: first access, each thing the client area offers, a forgotten password', async () => {
  const mailbox = new Mailbox(demo.url);
  // "Sempre que há contratações no My Smart Clinic, ao se cadastrar para a compra, você cadastra também um e-mail, ou
  // mais. Esse é o e-mail que estará disponível para acessar essa área" — the clinic's own system registered the
  // company's finance e-mail when it signed up (through the integration API, as it records every contract).
  const found = await integrationCall(demo.url, 'clinica-sol', 'GET', '/api/v1/accounts?q=Horizonte');
  const company = (found.body.items as { id: string; name: string }[]).find((item) => item.name === CLINICA_SOL_PEOPLE.company.name)!;
  const registered = await integrationCall(demo.url, 'clinica-sol', 'PATCH', `/api/v1/profile/accounts/${company.id}`, { values: { email: FINANCE } });
  assert.equal(registered.status, 200, JSON.stringify(registered.body));

  const context = await demo.browser.newContext({ locale: 'pt-BR' });
  const walk = await startWalkthrough(context, '000');
  const { page } = walk;

  // "Uma vez logado no sistema, você irá para as Configurações, e selecionará a opção Área do Cliente, e então será
  // direcionado para outra tela, na qual poderá acessar essas informações." — here, the clinic's client-area page.
  await clientArea(page);
  await page.getByRole('heading', { name: 'Entrar na área do cliente' }).waitFor({ timeout: 30_000 });
  await walk.step('client area');

  // "Acessando pela 1ª vez: 1. Insira o seu e-mail" — registering with an e-mailed code follows the article's order:
  // the e-mail, then the new password, then the confirmation from the mailbox. ("Primeiro acesso? Crie sua senha"
  // mails a link first, and asks for the password on the page the link opens.)
  await page.getByRole('button', { name: 'Cadastrar-se com um código enviado por e-mail' }).click();
  await page.locator('portal-login input[name=email]').fill(FINANCE);
  await page.getByRole('button', { name: 'Enviar o código' }).click();
  // "2. Como é seu primeiro acesso provavelmente você não terá senha cadastrada para o acesso, então o sistema
  // redirecionará você para o cadastro de uma!"
  await page.locator('portal-login input[name=new-password]').fill(FIRST_PASSWORD);
  await page.locator('portal-login input[name=repeat-password]').fill(FIRST_PASSWORD);
  await walk.step('first access new password');
  // "3. Após cadastrar a nova senha, você precisará verificar na sua caixa de entrada, o e-mail de confirmação do
  // cadastro." — the confirmation is a 6-digit code, typed beside the new password.
  const confirmation = await mailbox.next(FINANCE);
  await page.locator('portal-login input[name=code]').fill(codeIn(confirmation));
  await page.getByRole('button', { name: 'Criar meu acesso' }).click();
  // "4. Confirmando o e-mail, você poderá acessar/editar os dados de sua assinatura."
  await menu(page, 'Meus dados').waitFor();
  await walk.step('signed in after confirming the e-mail');

  // "Alterar os dados cadastrais"
  await menu(page, 'Meus dados').click();
  const profile = page.locator('portal-app portal-profile');
  await profile.locator('input[name=phone]').fill('+55 31 3333-4455');
  await profile.locator('[part~=save]').click();
  await profile.locator('[part~=saved]').getByText(/Telefone/).waitFor();
  await walk.step('registration data saved');

  // "Atualizar os dados do cartão de crédito" — the card lives with the payment provider: its page (the demo's
  // stand-in) opens from the client area and leads back to it.
  await menu(page, 'Financeiro').click();
  const billing = page.locator('portal-app portal-billing');
  await billing.getByRole('button', { name: 'Gerenciar meus cartões' }).click();
  await page.waitForURL(/\/demo\/pay\/#/);
  await page.getByText('Seus cartões salvos').waitFor();
  await page.getByText('Visa •••• 4242').first().waitFor();
  await walk.step('card on the payment provider page');
  await page.getByRole('link', { name: 'Voltar ao portal' }).click();
  await page.waitForURL(/\/demo\/clinica-sol\//);

  // "Verificar se há pendência financeira"
  await clientArea(page, 'billing');
  await billing.getByRole('heading', { name: 'Algo pendente?' }).waitFor({ timeout: 30_000 });
  await billing.getByText(/Vencido: R\$\s?[\d.]+,\d\d/).waitFor();

  // "Consultar histórico das cobranças" (below the answer to "anything pending?", on the same screen)
  await billing.locator('[part~=charge][data-status=paid]').first().waitFor();
  assert.ok((await billing.locator('[part~=charge][data-status=overdue]').count()) > 0, 'the overdue charge is in the history');
  await walk.step('pending items and charge history');

  // "Consultar as notas fiscais"
  await billing.getByRole('tab', { name: 'Notas e extratos' }).click();
  const [invoice] = await Promise.all([page.waitForEvent('download'), billing.locator('[part~=invoices]').getByRole('button', { name: /Baixar PDF/ }).first().click()]);
  assert.match(invoice.suggestedFilename(), /^NFS-e \d+\.pdf$/);
  assert.ok(await isPdf(invoice), 'the invoice is a PDF');
  await walk.step('invoices');

  // "Realizar solicitações financeiras"
  await menu(page, 'Solicitações').click();
  const requests = page.locator('portal-app portal-requests');
  await requests.getByRole('button', { name: 'Nova solicitação' }).click();
  await requests.locator('select').first().selectOption('financial');
  await requests.locator('input[name=subject]').fill('Mudança da data de vencimento');
  await requests.locator('textarea[name=description]').fill('Podemos passar o vencimento das mensalidades para o dia 20?');
  await requests.getByRole('button', { name: 'Enviar solicitação' }).click();
  await requests.getByText('Solicitação enviada.').waitFor();
  await walk.step('financial request sent');
  const inbox = await integrationCall(demo.url, 'clinica-sol', 'GET', '/api/v1/requests?category=financial&status=open');
  assert.ok((inbox.body.items as { subject: string }[]).some((item) => item.subject === 'Mudança da data de vencimento'), 'the clinic has the request');

  // "Fazer download de seu boleto especial de negociação"
  await menu(page, 'Financeiro').click();
  await billing.getByRole('tab', { name: 'Cobranças' }).click();
  const agreement = billing.locator('[part~=charge]').filter({ has: page.locator('[part~=kind]') }).first();
  await agreement.getByRole('button', { name: /Opções de pagamento/ }).click();
  const [boleto] = await Promise.all([page.waitForEvent('download'), agreement.getByRole('button', { name: 'Baixar boleto (PDF)' }).click()]);
  assert.match(boleto.suggestedFilename(), /^boleto-\d{4}-\d\d-\d\d\.pdf$/);
  assert.ok(await isPdf(boleto), 'the negotiation boleto is a PDF');
  await walk.step('negotiation boleto');

  // "Já acessou outras vezes: 1. Insira o seu e-mail 2. Insira a sua senha (caso você tenha esquecido sua senha, terá
  // que redefinir usando a opção "Esqueci a Senha", através do seu e-mail […])"
  await signOutClient(page, 'Sair');
  await page.getByRole('button', { name: 'Esqueceu a senha?' }).click();
  await page.locator('portal-login input[name=email]').fill(FINANCE);
  await page.getByRole('button', { name: 'Enviar o link' }).click();
  await page.getByRole('heading', { name: 'Confira seu e-mail' }).waitFor();
  await walk.step('forgot password link sent');
  await followLink(page, await mailbox.next(FINANCE), demo.url);
  await page.locator('portal-login input[name=new-password]').fill(NEW_PASSWORD);
  await page.locator('portal-login input[name=repeat-password]').fill(NEW_PASSWORD);
  await walk.step('new password');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.locator('portal-login').getByText(`Conectado como ${FINANCE}`).waitFor();
  await signOutClient(page, 'Sair');
  await page.getByRole('heading', { name: 'Entrar na área do cliente' }).waitFor();

  // Another day: back to the client area, with the new password.
  await clientArea(page);
  await page.locator('portal-login input[name=email]').fill(FINANCE, { timeout: 30_000 });
  await page.locator('portal-login input[name=password]').fill(NEW_PASSWORD);
  await page.keyboard.press('Enter');
  // "3. Acesse/edite os dados de sua assinatura."
  await menu(page, 'Meus dados').click();
  await profile.locator('input[name=phone]').waitFor();
  assert.equal((await profile.locator('input[name=phone]').inputValue()).replace(/\D/g, ''), '553133334455');
  await walk.step('signed in with the new password');
  await walk.finish();
});
