import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CLINICA_SOL_PEOPLE, DEMO_SIGN_INS } from '../../demo/people.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';
import { startWalkthrough } from '../helpers/walkthrough.ts';
import { confirmPasswordIfAsked, followLink, integrationCall, linkIn, Mailbox, openSection, signInStaff, staffCall } from '../helpers/walkthrough-steps.ts';

// Help-centre article 001 (an ERP's "área do cliente", pt-BR), read by Clínica Sol's owner in the console: she sets
// what clients may change and that they must confirm their data, checks the billing and the custom field, makes an API
// token for the clinic's ERP, e-mails access links; the client (rh@horizonte.example) opens the portal from the mail
// without a password, updates phone, e-mail and "Capital social", confirms, and switches how the company pays.
let demo: DemoServer;

before(async () => {
  demo = await startDemoServer();
});
after(() => demo?.stop());

const CLIENT = DEMO_SIGN_INS['clinica-sol'].email;

/** Ticks a portal user in the console's list (the box is named "Selecionar <e-mail>"). */
const selectUser = (page: Page, email: string) => page.getByRole('main').getByRole('checkbox', { name: `Selecionar ${email}` }).check();

test('article 001: parameters, custom field, API token, access links, the client updates and confirms without a password', async () => {
  const mailbox = new Mailbox(demo.url);
  const context = await demo.browser.newContext({ locale: 'pt-BR' });
  // The console asks for the password again (403 password_confirmation_required) before the first sensitive change;
  // step 6 opens a spent link on purpose (a 4xx): the browser logs both.
  const walk = await startWalkthrough(context, '001', { expectedFailures: [/^4\d\d /] });
  const { page } = walk;
  const found = await integrationCall(demo.url, 'clinica-sol', 'GET', '/api/v1/accounts?q=Horizonte');
  const company = (found.body.items as { id: string; name: string }[]).find((item) => item.name === CLINICA_SOL_PEOPLE.company.name)!;

  // 1. Acesso à Área do Cliente — "No menu “Parâmetros da Área do Cliente”, configure as opções de atualização cadastral."
  await signInStaff(page, demo.url, 'clinica-sol');
  await openSection(page, 'Configurações');
  await walk.step('client area parameters');

  // "Correção de URL: Caso o menu não abra, verifique a URL. Corrija qualquer erro, como a escrita de “área” ou
  // “clientes”, no banco de dados." — the portal's address is a setting here, checked where it is shown.
  const address = new URL(await page.getByRole('textbox', { name: 'Endereço do portal' }).inputValue());
  assert.equal(address.pathname, '/demo/clinica-sol/');
  assert.equal((await fetch(`${demo.url}${address.pathname}`)).status, 200, 'the portal address opens');

  // "Permissões de edição: Defina as permissões para que o próprio cliente possa editar seu cadastro. Ative a opção
  // “Necessário Confirmar Cadastro” para permitir que o cliente confirme e edite suas informações."
  // The console has no page for the registration-data options yet: the staff member's session sets them through the
  // endpoint such a page would call. Asking every month makes the company, which confirmed two months ago, confirm now.
  const modes = { name: 'approve', taxId: 'view', email: 'edit', phone: 'edit', mobile: 'edit', address: 'edit', capitalSocial: 'edit' };
  const parameters = await staffCall(page, 'PUT', '/api/v1/profile/settings', { modes, confirmation: 'periodic', everyMonths: 1 });
  assert.equal(parameters.status, 200, JSON.stringify(parameters.body));

  // 2. Visualização e Edição de Dados — "Visualização de Extratos: Configure para que o cliente possa visualizar
  // extratos financeiros, incluindo cobranças, boletos e extratos de imposto de renda."
  const billingModule = page.getByRole('main').getByRole('switch', { name: 'Faturamento', exact: true });
  await billingModule.scrollIntoViewIfNeeded();
  assert.ok(await billingModule.isChecked(), 'billing (charges, boletos, statements) is on for every client');
  await walk.step('billing module on');

  // "Campos Personalizados: Exiba campos personalizados como “Capital Social” são configurados no sistema." (through
  // the same endpoint: the console has no page for custom fields either).
  const field = await staffCall(page, 'PUT', '/api/v1/profile/fields/capitalSocial', {
    labels: { 'pt-BR': 'Capital social', es: 'Capital social', en: 'Share capital' },
    type: 'money',
    min: 0,
    help: { 'pt-BR': 'Como consta no contrato social.' },
    accountKind: 'company',
  });
  assert.equal(field.status, 200, JSON.stringify(field.body));

  // 3. Acesso Sem Login — "Criação de URL Específica: Gere uma URL específica que será enviada por e-mail ao cliente.
  // Ao clicar no link, o cliente acessa a área do cliente sem digitar login e senha."
  await openSection(page, 'Usuários do portal');
  await selectUser(page, CLIENT);
  await page.getByRole('button', { name: 'Enviar links de acesso' }).click();
  await page.getByText('Link de acesso enviado a 1 usuário.').waitFor();
  await walk.step('access link sent');
  assert.match((await mailbox.next(CLIENT)).subject, /^Seu link de acesso/);

  // "Token de acesso via API: Utilize o token de acesso via API disponível na documentação para autenticação programática."
  await openSection(page, 'Tokens de API');
  await page.getByRole('button', { name: 'Novo token' }).click();
  await page.getByRole('textbox', { name: 'Nome' }).fill('ERP');
  for (const [module, level] of [['Contas', 'Ver'], ['Usuários do portal', 'Alterar'], ['Dados cadastrais', 'Ver'], ['Financeiro', 'Ver']]) {
    await page.getByRole('group', { name: module }).getByRole('checkbox', { name: level }).check();
  }
  await page.getByRole('button', { name: 'Criar token' }).click();
  const shown = page.locator('admin-tokens').locator('input[readonly]');
  await confirmPasswordIfAsked(page, 'clinica-sol', shown);
  const token = await shown.inputValue();
  assert.match(token, /^ptk_clinica-sol_/);
  await walk.step('API token shown once');
  const documented = (await (await fetch(`${demo.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
  assert.ok(documented.paths['/api/v1/users/magic-links'], 'the documentation describes the access links');
  const asErp = await integrationCall(demo.url, 'clinica-sol', 'GET', `/api/v1/accounts/${company.id}`, undefined, token);
  assert.equal(asErp.status, 200);
  assert.equal(asErp.body.name, CLINICA_SOL_PEOPLE.company.name);
  await page.getByRole('button', { name: 'Concluído' }).click();

  // 4. Configurações Adicionais — "Atualização de Cadastro Sem Login: Envie um e-mail com um link para atualização
  // cadastral direta." — the ERP sends it with its token.
  const profileLinks = await integrationCall(demo.url, 'clinica-sol', 'POST', '/api/v1/users/magic-links', { accountId: company.id, profileOnly: true }, token);
  assert.equal(profileLinks.status, 202, JSON.stringify(profileLinks.body));
  const profileMail = await mailbox.next(CLIENT);
  assert.match(profileMail.subject, /^Atualize seus dados/);
  // "Configure o template do e-mail com uma URL específica para ativação do cadastro." — the console cannot edit a
  // template's text; staff see it in E-mails › Modelos, in the portal's branding, and the link in every mail leads to
  // the portal address checked in step 1.
  assert.ok(linkIn(profileMail, demo.url).startsWith(`${demo.url}${address.pathname}#portico-link=`), 'the mailed link leads to the portal address');
  await openSection(page, 'E-mails');
  await page.getByRole('main').getByRole('tab', { name: 'Modelos' }).click();
  await page.getByRole('main').getByRole('combobox', { name: /^Modelo/ }).selectOption({ label: 'Link de acesso' });
  const frame = page.frameLocator('iframe[title^="Visualização do e-mail “Link de acesso”"]');
  await frame.getByText('Clínica Sol').first().waitFor();
  await walk.step('the access-link mail previewed in the portal’s branding');

  // "Ativação de Login: -se de que a opção “Efetuar Login” está ativa para que o cliente possa acessar a área do
  // cliente."
  await openSection(page, 'Configurações');
  assert.ok(await page.getByRole('main').getByRole('switch', { name: 'Portal aberto aos clientes' }).isChecked(), 'clients can sign in');

  // "Envio de Acesso por E-mail: Envie o link de acesso à área do cliente por e-mail para todos os clientes."
  await openSection(page, 'Usuários do portal');
  await page.getByRole('main').getByRole('checkbox', { name: 'Selecionar todos os exibidos' }).check();
  await page.getByRole('button', { name: 'Enviar links de acesso' }).click();
  await page.getByText(/^Links? de acesso enviados? a \d+ usuários?\.$/).waitFor();
  await walk.step('access links sent to every client');
  const accessMail = await mailbox.next(CLIENT);
  assert.match(accessMail.text, /sem senha|sem digitar|link/i);

  // 5. Teste e Verificação — "Verificação de E-mail: Verifique o recebimento do e-mail pelo cliente e confirme se o
  // link permite acesso direto à área do cliente."
  await followLink(page, accessMail, demo.url);
  await page.getByText('Seu link está pronto. Continue para entrar na área do cliente.').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.locator('portal-login').getByText(`Conectado como ${CLIENT}`).waitFor();
  await walk.step('client area opened from the mail');

  // "Edição de Cadastro: Após o acesso, o cliente pode atualizar informações como telefone, e-mail e capital social."
  const profile = page.locator('portal-profile');
  await profile.locator('[part~=confirm-banner]').waitFor();
  await profile.locator('input[name=phone]').fill('+55 19 3232-4500');
  await profile.locator('input[name=email]').fill('contato@horizonte.example');
  await profile.locator('input[name=capitalSocial]').fill('3.000.000,00');
  await profile.locator('[part~=save]').click();
  const saved = profile.locator('[part~=saved]');
  await saved.waitFor();
  assert.match((await saved.textContent()) ?? '', /Telefone.*E-mail.*Capital social|Capital social/s);
  await profile.locator('[part~=confirm-banner] [part~=confirm-button]').click();
  await profile.locator('[part~=confirmed]').waitFor();
  await walk.step('registration data updated and confirmed');
  const data = await integrationCall(demo.url, 'clinica-sol', 'GET', `/api/v1/profile/accounts/${company.id}`, undefined, token);
  assert.equal(data.status, 200, JSON.stringify(data.body));
  const values = JSON.stringify(data.body);
  for (const expected of ['+551932324500', 'contato@horizonte.example', '300000000']) assert.ok(values.includes(expected), `${expected} in ${values}`);

  // (2.) The statements staff checked are the client's to download: the account statement and the income-tax one.
  const billing = page.locator('portal-billing');
  await billing.getByRole('tab', { name: 'Notas e extratos' }).click();
  await billing.getByRole('button', { name: 'Baixar extrato da conta' }).waitFor();
  await billing.getByRole('button', { name: 'Baixar informe de Imposto de Renda' }).waitFor();

  // (2.) "Alteração da Forma de Pagamento: Permita que o cliente altere a forma de pagamento entre cartão de crédito e
  // boleto. Se necessário, o cliente pode adicionar um novo cartão." — offered wherever card payments are set up
  // (the demo's stand-in provider here); the client chooses, and the cards are kept on the provider's page.
  await billing.getByRole('radio', { name: 'Cartão' }).click();
  await billing.getByText('Salvo: sua forma de pagamento preferida agora é Cartão.').waitFor();
  await walk.step('payment method switched to card');
  const customers = await integrationCall(demo.url, 'clinica-sol', 'GET', '/api/v1/billing/customers', undefined, token);
  assert.ok(JSON.stringify(customers.body).includes('"card"'), JSON.stringify(customers.body));
  await billing.getByRole('button', { name: 'Gerenciar meus cartões' }).click();
  await page.waitForURL(/\/demo\/pay\/#/);
  await page.getByText('Seus cartões salvos').waitFor();
  await walk.step('cards on the payment provider page');

  // 6. Solução de Problemas — "Verificação de URL e Token: Caso haja problemas de acesso, verifique a URL e o token de
  // acesso via API. Reenvie o link se necessário." — a link already used says so; the console sends a new one.
  await followLink(page, accessMail, demo.url);
  await page.getByText('Este link expirou ou já foi usado. Peça um novo abaixo.').waitFor({ timeout: 30_000 });
  await walk.step('used link explains itself');
  await page.goto(`${demo.url}/admin/?tenant=clinica-sol`);
  await page.getByRole('navigation').waitFor({ timeout: 30_000 });
  await openSection(page, 'Tokens de API');
  await page.getByRole('main').getByRole('listitem').filter({ hasText: 'ERP' }).getByText('Ativo').waitFor();
  await openSection(page, 'Usuários do portal');
  await selectUser(page, CLIENT);
  await page.getByRole('button', { name: 'Enviar links de acesso' }).click();
  await page.getByText('Link de acesso enviado a 1 usuário.').waitFor();
  assert.match((await mailbox.next(CLIENT)).subject, /^Seu link de acesso/);

  // "Confirmação de Cadastro: Garanta que o cadastro esteja configurado para ser confirmado pelo cliente" — the ERP
  // reads the confirmation back.
  const confirmed = await integrationCall(demo.url, 'clinica-sol', 'GET', `/api/v1/profile/accounts/${company.id}`, undefined, token);
  assert.ok(confirmed.body.confirmation?.confirmedAt, JSON.stringify(confirmed.body.confirmation));
  await walk.finish();
});
