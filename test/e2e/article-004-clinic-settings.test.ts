import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { CLINICA_SOL_PEOPLE, DEMO_SIGN_INS } from '../../demo/people.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';
import { startWalkthrough } from '../helpers/walkthrough.ts';
import { confirmPasswordIfAsked, integrationCall, linkIn, Mailbox, openSection, signInClient, signInStaff } from '../helpers/walkthrough-steps.ts';

// Help-centre article 004 ("Portal do Cliente - Configurações", Madu) read from top to bottom on the clinica-sol demo:
// Marta, the clinic's owner, configures the portal in the staff console (004-NN screenshots); the branch's new user
// activates the access from the e-mail (004-filial-NN); Metalúrgica Horizonte's HR uses what was configured
// (004-cliente-NN). Each step quotes the article and is checked with axe.
let demo: DemoServer;

before(async () => {
  demo = await startDemoServer();
});
after(() => demo?.stop());

const company = CLINICA_SOL_PEOPLE.company.name;
const branchUser = 'sesmt.contagem@horizonte.example';
const pdf = async (download: { path(): Promise<string | null> }) => (await readFile((await download.path())!)).subarray(0, 5).toString();

test('article 004: the clinic configures the client portal, and its client company uses it', async () => {
  const staff = await startWalkthrough(await demo.browser.newContext({ locale: 'pt-BR', viewport: { width: 1280, height: 800 } }), '004', {
    // Saving asks for the password again: the first save is refused with 403 until it is confirmed (seed 004).
    expectedFailures: [/^403 .*\/api\/v1\//],
  });
  const admin = staff.page;

  // "Acesse o menu PORTAL DO CLIENTE > CONFIGURAÇÕES"
  await signInStaff(admin, demo.url, 'clinica-sol');
  await openSection(admin, 'Configurações');
  const settings = admin.locator('admin-settings');

  // "Será necessário incluir a logomarca da Clínica clicando no campo Alterar e no Tema será definido a cor de fundo
  // do Portal."
  await settings.getByLabel('Logomarca', { exact: true }).setInputFiles(new URL('../../demo/clinica-sol/logo.png', import.meta.url).pathname);
  await settings.getByRole('group', { name: 'Cor principal' }).getByRole('textbox', { name: 'Código' }).fill('#0f766e');
  await staff.step('logomarca-e-cor');

  // "No campo de Identificação de Usuário para o Portal do Cliente selecione o usuário chamado Portal. Dessa forma o
  // sistema poderá identificar nas telas que certo cadastro foi realizado ou modificado por algum usuário do Portal."
  // Portico needs no shared "Portal" user: every change names the portal user who made it (checked at the end).

  // "O campo de Endereço do Portal do Cliente vai constar o link de acesso do Portal da Clínica."
  assert.equal(await settings.getByLabel('Endereço do portal').inputValue(), `${demo.url}/demo/clinica-sol/`);

  // AGENDAMENTO DE EXAMES — "Permitir o Agendamento de Exames pelo Cliente: [...] SIM para liberar para o Cliente da
  // Clínica realizar os Agendamentos de forma automática, analisando os dias e horários disponíveis"
  await settings.getByRole('radio', { name: 'Os clientes agendam sozinhos (escolhem um horário livre)' }).check();
  // "Permitir Consulta de Agendamento"
  await settings.getByRole('switch', { name: 'Os clientes veem seus agendamentos' }).check();
  // "Relatório para Guia de Autorização de Exames: Selecione o relatório [...]" — Portico has one guide layout (with the
  // clinic's logo), switched on or off; there is no report to choose.
  await settings.getByRole('switch', { name: 'Guia de autorização (PDF) com os agendamentos de exames' }).check();
  // "Permitir Cancelamento de Agendamentos" and "Prazo para Cancelamento de Agendamentos: [...] se 24h ou 48h."
  await settings.getByRole('switch', { name: 'Os clientes podem cancelar agendamentos' }).check();
  await settings.getByRole('spinbutton', { name: 'Prazo para cancelamento (horas antes do agendamento)' }).fill('24');

  // DEMONSTRATIVOS DE FATURAMENTO — "Permitir Consulta de Resultados de Faturamento" (the Billing module) and
  // "Listar os Resultados de Faturamento Pendentes". ("Relatório: selecionar o relatório de Faturamento": the
  // statements are the files the clinic's system sends; Portico has no report to choose.)
  await settings.getByRole('switch', { name: 'Faturamento', exact: true }).check();
  await settings.getByRole('switch', { name: 'Listar os demonstrativos de faturamento pendentes' }).check();

  // EVENTOS DO ESOCIAL — "Permitir Consulta aos Eventos do eSocial" is the "Recibos do eSocial" document category
  // (shown below); "Listar eventos retificados" (no: the client may still ask for them) and "Listar eventos desde:
  // [...] do último ano, últimos 6 ou 3 meses."
  await settings.getByRole('switch', { name: 'Listar eventos do eSocial retificados' }).uncheck();
  await settings.getByRole('combobox', { name: 'Listar eventos do eSocial desde' }).selectOption({ label: 'Os últimos 3 meses' });

  // DOCUMENTOS — "Permitir Consulta a Documentos" (the Documents module; its categories are chosen below)
  await settings.getByRole('switch', { name: 'Documentos', exact: true }).check();
  await staff.step('modulos-e-opcoes');

  // "Após preencher todas as Configurações, ao Salvar o sistema irá pedir a Senha do Usuário."
  await settings.getByRole('button', { name: 'Salvar identidade visual' }).click();
  await admin.getByRole('dialog', { name: 'Confirme que é você' }).getByLabel('Senha').waitFor();
  await staff.step('senha-pedida-ao-salvar');
  await confirmPasswordIfAsked(admin, 'clinica-sol', settings.getByText('Identidade visual salva.'));
  for (const [save, saved] of [
    ['Salvar módulos', 'Módulos salvos.'],
    ['Salvar opções de agendamento', 'Opções de agendamento salvas.'],
    ['Salvar opções de faturamento', 'Opções de faturamento salvas.'],
    ['Salvar opções de documentos', 'Opções de documentos salvas.'],
  ] as const) {
    await settings.getByRole('button', { name: save }).click();
    await settings.getByText(saved).waitFor();
  }
  const portal = await (await fetch(`${demo.url}/api/portal/tenants/clinica-sol`)).json() as { branding: { primaryColor: string; logoUrl: string } };
  assert.equal(portal.branding.primaryColor, '#0f766e');
  assert.notEqual(portal.branding.logoUrl, '/demo/clinica-sol/logo.svg', 'the uploaded logo replaced the demo one');
  await staff.step('configuracoes-salvas');

  // "Prestador de Serviço de Saúde: Selecione o cadastro do Prestador de Serviço que possui as configurações e
  // parametrizações da Agenda" — in Portico each service is booked with its providers' own agendas.
  await openSection(admin, 'Agendamentos');
  await admin.getByRole('tab', { name: 'Profissionais e horários' }).click();
  await admin.getByRole('main').getByText('Sala de exames').first().waitFor();
  await staff.step('prestadores-e-agenda');

  // "Selecione também quais são os Documentos que deseja liberar no Portal do Cliente, como CAT, PGR, PCMSO"
  await openSection(admin, 'Documentos');
  await admin.getByRole('tab', { name: 'Categorias' }).click();
  const category = (key: string) => admin.locator(`[part~=category][data-key=${key}]`).getByRole('switch');
  for (const shown of ['cat', 'pgr', 'pcmso', 'esocial']) await category(shown).check();
  await category('contracts').uncheck();
  await admin.locator('[part~=category][data-key=contracts][data-shown=false]').waitFor();
  await staff.step('categorias-de-documentos');

  // "Caso deseje realizar alguma parametrização diferente para uma Empresa em específico, clique na aba EXCEÇÕES POR
  // EMPRESA [...] clique em NOVO, selecione a Empresa e faça as parametrizações"
  await openSection(admin, 'Contas', 'Empresas');
  await admin.getByRole('button', { name: new RegExp(`Detalhes e exceções\\s*:\\s*${company}`) }).click();
  const cancellation = admin.getByRole('group', { name: 'Cancelamento pelos clientes' });
  await cancellation.getByRole('button', { name: /Definir para esta empresa/ }).click();
  await cancellation.getByRole('spinbutton', { name: 'Prazo para cancelamento (horas antes do agendamento)' }).fill('48');
  await admin.getByRole('button', { name: 'Salvar exceções de agendamento' }).click();
  await admin.getByText('Exceções de agendamento salvas.').waitFor();
  await cancellation.getByText('Agora: permitido até 48 h antes').waitFor();
  await staff.step('excecao-por-empresa');

  // "Após a realização das configurações do Portal, será necessário acessar o menu PORTAL DO CLIENTE > USUÁRIOS [...]
  // Clique em NOVO: Preencha a Empresa e o e-mail do profissional [...] Estabelecimento: opção para liberar acesso a
  // apenas um dos Estabelecimentos de uma Empresa."
  await openSection(admin, 'Usuários do portal');
  await admin.getByRole('button', { name: 'Novo usuário' }).click();
  const invite = admin.getByRole('dialog', { name: 'Convidar um usuário do portal' });
  await invite.getByLabel('E-mail', { exact: true }).fill(branchUser);
  await invite.getByLabel(/Encontre a conta/).fill('Horizonte');
  await invite.getByRole('button', { name: 'Buscar' }).click();
  await invite.getByRole('radio', { name: new RegExp(company) }).check();
  // "Geral: libera acesso para todos os Estabelecimentos vinculados a Empresa." — the other choice.
  await invite.getByRole('radio', { name: 'A empresa inteira' }).waitFor();
  await invite.getByRole('radio', { name: 'Só os estabelecimentos escolhidos' }).check();
  await invite.getByRole('checkbox', { name: 'Filial Contagem' }).check();
  await staff.step('novo-usuario-de-um-estabelecimento');

  // "Ao clicar em SALVAR ou SALVAR E FECHAR, um e-mail de ativação será disparado à Empresa cliente. A situação do
  // usuário permanecerá como Pendente até que o usuário realize a sua ativação de cadastro no Portal do Cliente."
  await invite.getByRole('button', { name: 'Enviar convite' }).click();
  await invite.waitFor({ state: 'hidden' });
  const row = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: branchUser }) });
  await row.getByText('Convidado, ainda não ativou').waitFor();
  await staff.step('usuario-pendente');
  const activation = await new Mailbox(demo.url).next(branchUser);
  assert.match(activation.subject, /Ative seu acesso/);
  const link = linkIn(activation, demo.url);

  // The branch's professional opens the e-mail's link on their own computer and chooses a password.
  const branch = await startWalkthrough(await demo.browser.newContext({ locale: 'pt-BR' }), '004-filial');
  await branch.page.goto(link);
  await branch.page.fill('portal-login input[name=new-password]', 'sesmt contagem 2026');
  await branch.page.fill('portal-login input[name=repeat-password]', 'sesmt contagem 2026');
  await branch.page.keyboard.press('Enter');
  await branch.page.getByText(`Conectado como ${branchUser}`).first().waitFor();
  await branch.step('acesso-ativado');
  await branch.finish();
  // The clinic looks the user up again: active now.
  await admin.getByRole('searchbox', { name: 'Buscar por e-mail' }).fill(branchUser);
  await admin.keyboard.press('Enter');
  await row.getByText('Ativo', { exact: true }).waitFor();

  // The client company's HR, on the clinic's portal, with what the clinic configured.
  const client = await startWalkthrough(await demo.browser.newContext({ locale: 'pt-BR', viewport: { width: 1280, height: 800 } }), '004-cliente');
  await useThePortal(client.page, client.step);
  await client.finish();

  // Back to "Identificação de Usuário": the clinic's audit log names the portal user who booked and cancelled.
  await openSection(admin, 'Registro de auditoria');
  await admin.getByRole('combobox', { name: 'Quem' }).selectOption({ label: 'Cliente' });
  await admin.getByRole('button', { name: 'Aplicar filtros' }).click();
  const booked = admin.locator('[part~=entry]').filter({ hasText: 'Marcou um agendamento' }).first();
  assert.match((await booked.textContent()) ?? '', new RegExp(DEMO_SIGN_INS['clinica-sol'].email.replace('.', '\\.')));
  await staff.step('auditoria-por-usuario-do-portal');
  await staff.finish();
});

/** Metalúrgica Horizonte's HR books and cancels an exam, prints its guide, reads statements, eSocial receipts, PCMSO. */
async function useThePortal(page: Page, step: (name: string) => Promise<void>) {
  await signInClient(page, demo.url, 'clinica-sol', 'portal.html');
  const menu = page.locator('portal-app [part~=nav-link]');
  const open = (label: string) => menu.filter({ hasText: label }).click();

  // Self-booking from the exam room's agenda, far enough ahead for the company's 48-hour cancellation deadline.
  await open('Agendamentos');
  const appointments = page.locator('portal-app portal-appointments');
  await appointments.locator('select[name=service]').selectOption('audiometria');
  const booking = await bookFirstFreeTimeAfter(page, appointments, new Date(Date.now() + 3 * 86_400_000));
  assert.equal(new Date(booking.start).getTime() - new Date(booking.cancelUntil).getTime(), 48 * 3_600_000, 'the exception for the company: 48 h');
  await step('exame-agendado');

  // The authorization guide of the exam, as a PDF.
  const item = appointments.locator('[part~=appointment][data-status=booked]', { has: page.locator(`time[datetime="${booking.start}"]`) });
  const [guide] = await Promise.all([page.waitForEvent('download'), item.locator('[part~=guide]').click()]);
  assert.equal(await pdf(guide), '%PDF-');
  await item.locator('[part~=deadline]').waitFor();
  await step('guia-e-prazo-de-cancelamento');

  // Cancelled within the deadline.
  await item.locator('[part~=cancel]').click();
  await appointments.locator('[part~=cancel-confirm]').click();
  await appointments.locator('[role=status]', { hasText: /cancelad/i }).first().waitFor();
  await step('exame-cancelado');
  const day = booking.start.slice(0, 10);
  const agenda = await integrationCall<{ items: { start: string; status: string }[] }>(demo.url, 'clinica-sol', 'GET', `/api/v1/appointments/bookings?from=${day}&to=${day}`);
  assert.equal(agenda.body.items.find((item) => new Date(item.start).toISOString() === booking.start)?.status, 'cancelled', 'the clinic’s agenda has it cancelled');

  // Billing statements, the one still being prepared included.
  await open('Financeiro');
  const billing = page.locator('portal-app portal-billing');
  await billing.getByRole('tab', { name: 'Notas e extratos' }).click();
  const reports = billing.locator('[part~=reports]');
  await reports.locator('[part~=document][data-status=pending]').getByText('Em preparação').waitFor();
  const [statement] = await Promise.all([page.waitForEvent('download'), reports.locator('[part~=document][data-status=ready]').first().getByRole('button', { name: /Baixar/ }).click()]);
  assert.equal(await pdf(statement), '%PDF-');
  await step('demonstrativos-com-pendentes');

  // eSocial receipts since 3 months, first without the rectified ones (the clinic's default), then with them.
  await open('Documentos');
  const documents = page.locator('portal-app portal-documents');
  await documents.locator('[part~=document]').first().waitFor();
  const categories = (await documents.getByLabel('Categoria').locator('option').allTextContents()).map((text) => text.trim());
  assert.ok(!categories.includes('Contratos') && categories.includes('PCMSO'), categories.join(', '));
  await documents.getByLabel('Categoria').selectOption('esocial');
  assert.equal(await documents.getByRole('combobox', { name: 'Mostrar recibos de' }).inputValue(), '3');
  const receipts = () => documents.locator('[part~=document] [part~=title]').allTextContents();
  await documents.locator('[part~=document][data-category=esocial]').first().waitFor();
  const without = await receipts();
  assert.equal(await documents.locator('[part~=badge][data-state=rectified]').count(), 0, without.join(' | '));
  assert.ok(!without.some((title) => title.includes('ano anterior')), 'nothing older than 3 months');
  await step('esocial-sem-retificados');
  await documents.getByRole('checkbox', { name: 'Mostrar recibos retificados' }).check();
  await documents.locator('[part~=badge][data-state=rectified]').first().waitFor();
  assert.equal((await receipts()).length, without.length + 1, 'the rectified receipt joins the list');
  await step('esocial-com-retificados');

  // PCMSO, downloaded.
  await documents.getByLabel('Categoria').selectOption('pcmso');
  const matriz = documents.getByRole('button', { name: /Baixar.*PCMSO \d{4} — Matriz/ }).first();
  const [programme] = await Promise.all([page.waitForEvent('download'), matriz.click()]);
  assert.match(programme.suggestedFilename(), /^PCMSO \d{4} — Matriz\.pdf$/);
  assert.equal(await pdf(programme), '%PDF-');
  await step('pcmso-baixado');
}

/** Picks the first day with free times on or after `earliest` (this month or the next), its first time, and books it. */
async function bookFirstFreeTimeAfter(page: Page, widget: Locator, earliest: Date): Promise<{ start: string; cancelUntil: string }> {
  const soonest = earliest.toISOString().slice(0, 10);
  const freeDay = async () => {
    await widget.locator('[part~=grid][aria-busy=false]').waitFor();
    const dates = await widget.locator('td[data-free=true]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-date')!));
    return dates.find((date) => date >= soonest);
  };
  let day = await freeDay();
  if (!day) {
    await widget.locator('[part~=month-button][data-move="1"]').click();
    day = await freeDay();
  }
  await widget.locator(`td[data-date="${day}"]`).click();
  await widget.locator('[part~=time]').first().click();
  await widget.locator('input[name=attendee]').fill('Patrícia Lopes');
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST' && /\/api\/portal\/appointments\/?(\?|$)/.test(response.url())),
    widget.locator('[part~=confirm-button]').click(),
  ]);
  await widget.locator('[part~=booked]').waitFor();
  return (await answer.json()) as { start: string; cancelUntil: string };
}
