/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/inbox/admin-inbox.ts';
import type { AdminInbox } from '../../widgets/admin/inbox/admin-inbox.ts';
import { ApiError, type AdminApi, type StaffMe } from '../../widgets/admin/admin-api.ts';
import { fixtureRequestDetail, inboxData, inboxRouter, type InboxData } from '../../widgets/admin/inbox/fixtures.ts';
import { fixtureMe } from '../../widgets/admin/team/fixtures.ts';
import { applyTheme, DEFAULT_BRANDING } from '../../widgets/core/theme.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { buttonIn, find as $, mountSection, norm, recordingRequests, root, sleep, textIn as text } from './admin-test-kit.ts';

type Request = AdminApi['request'];

/** Mounts the inbox over `request` (the in-memory inbox unless given), writing down every call. */
async function mount(options: { data?: InboxData; request?: Request; me?: StaffMe; locale?: Locale; width?: number } = {}) {
  const data = options.data ?? inboxData();
  const { api, log } = recordingRequests(options.request ?? inboxRouter(data));
  const { el } = await mountSection('admin-inbox', { api, me: options.me ?? fixtureMe(), locale: options.locale ?? 'en' }, { width: options.width, settle });
  const lists = () => log.filter((call) => call.method === 'GET' && call.path.startsWith('/api/v1/requests') && !call.path.startsWith('/api/v1/requests/')).map((call) => call.path);
  const posts = () => log.filter((call) => call.method === 'POST');
  return { el, log, data, lists, posts };
}

async function settle(el: AdminInbox) {
  for (let i = 0; i < 8; i++) {
    await el.updateComplete;
    const detail = detailOf(el);
    if (detail) await detail.updateComplete;
    await sleep();
  }
}
const detailOf = (el: Element) => root(el).querySelector('admin-inbox-request');
const detailRoot = (el: Element) => detailOf(el)!.shadowRoot!;
/** The `<dd>` beside the `<dt>` named `term`. */
const fact = (scope: ParentNode, term: string) => text([...scope.querySelectorAll('dt')].find((dt) => norm(dt.textContent) === term)?.nextElementSibling ?? null);
const rows = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part~=row]')];
const row = (el: Element, subject: string) => rows(el).find((li) => norm(li.querySelector('h3')!.textContent) === subject)!;
/** Where the focus is, through the detail's shadow root. */
const focused = (el: Element): Element | null => {
  const inner = root(el).activeElement;
  return inner?.shadowRoot?.activeElement ?? inner;
};

async function choose(el: AdminInbox, name: string, value: string) {
  const select = $<HTMLSelectElement>(root(el), `[part~=filters] select[name=${name}]`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await settle(el);
}

async function openRequest(el: AdminInbox, subject: string) {
  row(el, subject).querySelector<HTMLButtonElement>('[part~=open]')!.click();
  await settle(el);
}

async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.focus();
  field.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
}

const FINANCIAL = 'Boleto de março com valor diferente do contrato';
const FINANCIAL_ID = fixtureRequestDetail(1).id;

before(() => applyTheme(DEFAULT_BRANDING));

describe('<admin-inbox>', () => {
  it('shows loading (busy) with text, then an error with a retry, and the empty state', async () => {
    const loading = await mount({ request: () => new Promise(() => {}) });
    expect(text($(root(loading.el), '[part~=status]'))).to.equal('Loading requests…');
    expect($(root(loading.el), '.list-region').getAttribute('aria-busy')).to.equal('true');
    await expect(loading.el).to.be.accessible();

    let fail = true;
    const data = inboxData();
    const router = inboxRouter(data);
    const failing = await mount({ request: (method, path, body) => (fail && path === '/api/v1/requests' ? Promise.reject(new ApiError('network_error', 0, 'down')) : router(method, path, body)) });
    const alert = $(root(failing.el), '[part~=error][role=alert]');
    expect(text(alert)).to.contain('We could not reach the server.');
    await expect(failing.el).to.be.accessible();
    fail = false;
    buttonIn(alert, 'Try again').click();
    await settle(failing.el);
    expect(failing.lists()).to.deep.equal(['/api/v1/requests', '/api/v1/requests']);
    expect(rows(failing.el)).to.have.length(6);

    const empty = await mount({ data: { ...inboxData(), details: [] } });
    expect(text($(root(empty.el), '[part~=empty]'))).to.equal('No requests yet. What clients send from the portal appears here.');
    expect($(root(empty.el), '.list-region').getAttribute('aria-busy')).to.equal('false');
    await expect(empty.el).to.be.accessible();
  });

  it('lists every request newest first: subject, category in words (the tenant’s own name), client, status, update and assignee', async () => {
    const { el, log } = await mount();
    expect(log.map((call) => `${call.method} ${call.path}`)).to.have.members(['GET /api/v1/requests', 'GET /api/v1/requests/categories']);
    expect(rows(el).map((li) => norm(li.querySelector('h3')!.textContent))).to.deep.equal([
      'Alteração de dados cadastrais',
      FINANCIAL,
      'Remarcar consulta de retorno',
      'Revisão do laudo do exame admissional',
      'Exames periódicos de 12 funcionários',
      'Atendimento excelente na recepção',
    ]);
    const financial = row(el, FINANCIAL);
    expect(fact(financial, 'Status')).to.equal('In progress');
    expect(fact(financial, 'Category')).to.equal('Financial');
    expect(fact(financial, 'Client')).to.equal('Construtora Horizonte Ltda');
    expect(fact(financial, 'Assigned to')).to.equal('Carla Mendes');
    expect(financial.querySelector('time')!.getAttribute('datetime')).to.equal(fixtureRequestDetail(1).updatedAt);
    expect(fact(row(el, 'Alteração de dados cadastrais'), 'Assigned to')).to.equal('Nobody');
    expect(fact(row(el, 'Exames periódicos de 12 funcionários'), 'Category')).to.equal('Questions and requests');
    expect(text($(root(el), '[part~=filters] select[name=category]'))).to.contain('Questions and requests');
    await expect(el).to.be.accessible();
  });

  it('asks the server for the filters chosen, and announces how many requests are shown', async () => {
    const { el, lists } = await mount();
    await choose(el, 'status', 'open');
    expect(lists().at(-1)).to.equal('/api/v1/requests?status=open');
    expect(rows(el)).to.have.length(2);
    expect(text($(root(el), '[part~=announcement]'))).to.equal('2 requests shown.');
    await choose(el, 'category', 'financial');
    expect(lists().at(-1)).to.equal('/api/v1/requests?status=open&category=financial');
    expect(text($(root(el), '[part~=empty]'))).to.equal('No requests match these filters.');
    await expect(el).to.be.accessible();
    await choose(el, 'status', '');
    await choose(el, 'assignee', 'mine');
    expect(lists().at(-1)).to.equal('/api/v1/requests?category=financial&assignee=Ana+Ribeiro');
    await choose(el, 'category', '');
    expect(lists().at(-1)).to.equal('/api/v1/requests?assignee=Ana+Ribeiro');
    expect(rows(el).map((li) => norm(li.querySelector('h3')!.textContent))).to.deep.equal(['Remarcar consulta de retorno']);
    expect(text($(root(el), '[part~=announcement]'))).to.equal('1 request shown.');
    await expect(el).to.be.accessible();
  });

  it('keeps only unassigned requests for "Nobody yet", even when the server sends others', async () => {
    const router = inboxRouter(inboxData());
    // A server that ignores `unassigned` (it does not know it yet) answers every request.
    const ignoring: Request = (method, path, body) => router(method, path.replace(/[?&]unassigned=true/, ''), body);
    const { el, lists } = await mount({ request: ignoring });
    await choose(el, 'assignee', 'unassigned');
    expect(lists().at(-1)).to.equal('/api/v1/requests?unassigned=true');
    expect(rows(el).map((li) => norm(li.querySelector('h3')!.textContent))).to.deep.equal([
      'Alteração de dados cadastrais',
      'Exames periódicos de 12 funcionários',
      'Atendimento excelente na recepção',
    ]);
  });

  it('loads more with the page cursor, appends the rows and moves the focus to the first new one', async () => {
    const { el, lists } = await mount({ data: { ...inboxData(), pageSize: 4 } });
    expect(rows(el)).to.have.length(4);
    const more = $<HTMLButtonElement>(root(el), '[part~=more]');
    expect(norm(more.textContent)).to.equal('Load more');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(lists()).to.deep.equal(['/api/v1/requests', '/api/v1/requests?before=4']);
    expect(rows(el)).to.have.length(6);
    expect(root(el).querySelector('[part~=more]')).to.be.null;
    expect(focused(el)).to.equal(rows(el)[4]!.querySelector('[part~=open]'));
    expect(text($(root(el), '[part~=announcement]'))).to.equal('6 requests shown.');
    await expect(el).to.be.accessible();
  });

  it('says when loading more fails, and retries from the same button', async () => {
    const router = inboxRouter({ ...inboxData(), pageSize: 4 });
    let fail = true;
    const { el, lists } = await mount({ request: (method, path, body) => (fail && path.includes('before=') ? Promise.reject(new ApiError('generic', 500, 'boom')) : router(method, path, body)) });
    $<HTMLButtonElement>(root(el), '[part~=more]').click();
    await settle(el);
    expect(text($(root(el), '[part~=error][role=alert]'))).to.equal('Something went wrong. Please try again in a moment.');
    expect(rows(el)).to.have.length(4);
    await expect(el).to.be.accessible();
    fail = false;
    buttonIn(root(el), 'Try again').click();
    await settle(el);
    expect(lists().filter((path) => path.includes('before=4'))).to.have.length(2);
    expect(rows(el)).to.have.length(6);
  });

  it('opens a request: the conversation as text (never HTML), attachments, focus on its title; back returns to the row', async () => {
    const data = inboxData();
    const attack = '<img src=x onerror="window.__inboxXss = true"><b>bold</b>';
    data.details[1]!.messages.push({ id: 'm-xss', author: 'client', authorName: null, body: `${attack}\nsecond line`, createdAt: new Date().toISOString() });
    data.details[1]!.description = `<script>window.__inboxXss = true</script>${data.details[1]!.description}`;
    const { el, log } = await mount({ data });
    await openRequest(el, FINANCIAL);
    expect(log.at(-1)).to.deep.equal({ method: 'GET', path: `/api/v1/requests/${FINANCIAL_ID}` });
    const inner = detailRoot(el);
    expect(focused(el)).to.equal($(inner, '#request-title'));
    expect(text($(inner, '#request-title'))).to.equal(FINANCIAL);
    const messages = [...inner.querySelectorAll('[part~=message]')];
    expect(messages).to.have.length(3);
    expect(text(messages[0]!)).to.contain('Construtora Horizonte Ltda (client)');
    expect(text(messages[0]!)).to.contain('<script>window.__inboxXss = true</script>Boa tarde!');
    expect(text(messages[1]!)).to.contain('Carla Mendes');
    expect(messages[1]!.getAttribute('data-author')).to.equal('business');
    expect(messages[2]!.querySelector('.message-body')!.textContent).to.equal(`${attack}\nsecond line`);
    expect(inner.querySelector('img, b, script')).to.be.null;
    expect((window as { __inboxXss?: boolean }).__inboxXss).to.be.undefined;
    expect([...inner.querySelectorAll('[part~=attachments] li')].map(text)).to.deep.equal(['boleto-marco-2026.pdf PDF · 182 kB', 'contrato-aditivo.jpg Image (JPEG) · 1.2 MB']);
    expect(fact(inner, 'Category')).to.equal('Financial');
    expect(fact(inner, 'Client')).to.equal('Construtora Horizonte Ltda');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(inner, '[part~=back]').click();
    await settle(el);
    expect(detailOf(el)).to.be.null;
    expect(focused(el)).to.equal(row(el, FINANCIAL).querySelector('[part~=open]'));
  });

  it('shows the request loading, and its error with a retry', async () => {
    const router = inboxRouter(inboxData());
    let detail: 'hang' | 'fail' | 'ok' = 'hang';
    const { el, log } = await mount({
      request: (method, path, body) =>
        path === `/api/v1/requests/${FINANCIAL_ID}` && detail !== 'ok' ? (detail === 'hang' ? new Promise(() => {}) : Promise.reject(new ApiError('not_found', 404, 'gone'))) : router(method, path, body),
    });
    await openRequest(el, FINANCIAL);
    expect(text($(detailRoot(el), '[part~=status]'))).to.equal('Loading the request…');
    expect($(detailRoot(el), '[part~=request]').getAttribute('aria-busy')).to.equal('true');
    expect(focused(el)).to.equal($(detailRoot(el), '[part~=back]'));
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(detailRoot(el), '[part~=back]').click();
    await settle(el);
    detail = 'fail';
    await openRequest(el, FINANCIAL);
    const alert = $(detailRoot(el), '[part~=error][role=alert]');
    expect(text(alert)).to.contain('This request no longer exists.');
    await expect(el).to.be.accessible();
    detail = 'ok';
    buttonIn(alert, 'Try again').click();
    await settle(el);
    expect(log.filter((call) => call.path === `/api/v1/requests/${FINANCIAL_ID}`)).to.have.length(3);
    expect(text($(detailRoot(el), '#request-title'))).to.equal(FINANCIAL);
  });

  it('replies as the staff member by default, blocks an empty reply, and updates the conversation and the row', async () => {
    const { el, posts } = await mount();
    await openRequest(el, FINANCIAL);
    const inner = detailRoot(el);
    const replyAs = $<HTMLInputElement>(inner, '#reply-as');
    expect(replyAs.value).to.equal('Ana Ribeiro');
    $<HTMLButtonElement>(inner, '[part~=send]').click();
    await settle(el);
    expect(posts()).to.have.length(0);
    expect(text($(inner, '#reply-body-error'))).to.equal('Write the reply first.');
    expect($(inner, '#reply-body').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal($(inner, '#reply-body'));
    await expect(el).to.be.accessible();

    await typeInto($<HTMLTextAreaElement>(inner, '#reply-body'), 'Corrigimos o boleto: o valor certo é R$ 1.780,00.');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(inner, '[part~=send]'));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(posts()).to.deep.equal([{ method: 'POST', path: `/api/v1/requests/${FINANCIAL_ID}/replies`, body: { body: 'Corrigimos o boleto: o valor certo é R$ 1.780,00.', authorName: 'Ana Ribeiro' } }]);
    expect(text($(inner, '[part~=announcement]'))).to.equal('Reply sent. The request is now answered.');
    const last = [...inner.querySelectorAll('[part~=message]')].at(-1)!;
    expect(text(last)).to.contain('Ana Ribeiro');
    expect(text(last)).to.contain('Corrigimos o boleto');
    expect(text($(inner, '[part~=badge]'))).to.equal('Answered');
    expect($<HTMLTextAreaElement>(inner, '#reply-body').value).to.equal('');
    await expect(el).to.be.accessible();

    await typeInto($<HTMLTextAreaElement>(inner, '#reply-body'), 'Segue a segunda via.');
    await typeInto(replyAs, 'Financeiro Clínica Sol');
    $<HTMLButtonElement>(inner, '[part~=send]').click();
    await settle(el);
    expect(posts().at(-1)!.body).to.deep.equal({ body: 'Segue a segunda via.', authorName: 'Financeiro Clínica Sol' });

    $<HTMLButtonElement>(inner, '[part~=back]').click();
    await settle(el);
    expect(fact(row(el, FINANCIAL), 'Status')).to.equal('Answered');
  });

  it('shows a failed reply on its field and keeps the text', async () => {
    const router = inboxRouter(inboxData());
    const { el } = await mount({
      request: (method, path, body) =>
        path.endsWith('/replies') ? Promise.reject(new ApiError('invalid_input', 400, 'bad', undefined, [{ path: 'body', message: 'must be at most 10000 characters' }])) : router(method, path, body),
    });
    await openRequest(el, FINANCIAL);
    const inner = detailRoot(el);
    await typeInto($<HTMLTextAreaElement>(inner, '#reply-body'), 'Olá');
    $<HTMLButtonElement>(inner, '[part~=send]').click();
    await settle(el);
    expect(text($(inner, '#reply-body-error'))).to.equal('must be at most 10000 characters');
    expect(text($(inner, '[part~=reply] [part~=error]'))).to.equal('Some of what you wrote was not accepted. Check the fields marked below.');
    expect($<HTMLTextAreaElement>(inner, '#reply-body').value).to.equal('Olá');
    expect(text($(inner, '[part~=announcement]'))).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('changes the status, with progress and an announcement', async () => {
    let release = () => {};
    const router = inboxRouter(inboxData());
    const { el, posts } = await mount({
      request: async (method, path, body) => {
        if (path.endsWith('/status')) await new Promise<void>((resolve) => (release = resolve));
        return router(method, path, body);
      },
    });
    await openRequest(el, FINANCIAL);
    const inner = detailRoot(el);
    const select = $<HTMLSelectElement>(inner, '#status-select');
    expect(select.value).to.equal('in-progress');
    expect([...select.options].map((option) => option.value)).to.deep.equal(['open', 'in-progress', 'answered', 'closed']);
    select.value = 'closed';
    select.dispatchEvent(new Event('change'));
    $<HTMLButtonElement>(inner, '[part~=change-status]').click();
    await settle(el);
    expect(text($(inner, '[part~=change-status]'))).to.equal('Changing…');
    expect($(inner, '[part~=change-status]').getAttribute('aria-disabled')).to.equal('true');
    release();
    await settle(el);
    expect(posts()).to.deep.equal([{ method: 'POST', path: `/api/v1/requests/${FINANCIAL_ID}/status`, body: { status: 'closed' } }]);
    expect(text($(inner, '[part~=announcement]'))).to.equal('Status changed to “Closed”.');
    expect(text($(inner, '[part~=badge]'))).to.equal('Closed');
    $<HTMLButtonElement>(inner, '[part~=back]').click();
    await settle(el);
    expect(fact(row(el, FINANCIAL), 'Status')).to.equal('Closed');
  });

  it('assigns to me, to someone named (a name is required) and to nobody', async () => {
    const { el, posts } = await mount();
    await openRequest(el, FINANCIAL);
    const inner = detailRoot(el);
    const radio = (value: string) => $<HTMLInputElement>(inner, `input[name=assignChoice][value=${value}]`);
    expect(radio('other').checked).to.equal(true);
    expect($<HTMLInputElement>(inner, '#assign-other').value).to.equal('Carla Mendes');
    expect(text($(inner, '[part~=assignee]'))).to.equal('Now assigned to: Carla Mendes');

    radio('me').click();
    await settle(el);
    $<HTMLButtonElement>(inner, '[part~=save-assignee]').click();
    await settle(el);
    expect(posts().at(-1)).to.deep.equal({ method: 'POST', path: `/api/v1/requests/${FINANCIAL_ID}/assignee`, body: { assignee: 'Ana Ribeiro' } });
    expect(text($(inner, '[part~=announcement]'))).to.equal('Assigned to Ana Ribeiro.');

    radio('other').click();
    await settle(el);
    expect(focused(el)).to.equal($(inner, '#assign-other'));
    $<HTMLButtonElement>(inner, '[part~=save-assignee]').click();
    await settle(el);
    expect(posts()).to.have.length(1);
    expect(text($(inner, '#assign-other-error'))).to.equal('Write the name of who takes it.');
    await expect(el).to.be.accessible();
    await typeInto($<HTMLInputElement>(inner, '#assign-other'), 'Bruno Costa');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(posts().at(-1)!.body).to.deep.equal({ assignee: 'Bruno Costa' });

    radio('nobody').click();
    await settle(el);
    $<HTMLButtonElement>(inner, '[part~=save-assignee]').click();
    await settle(el);
    expect(posts().at(-1)!.body).to.deep.equal({ assignee: null });
    expect(text($(inner, '[part~=announcement]'))).to.equal('Nobody is assigned now.');
    expect(text($(inner, '[part~=assignee]'))).to.equal('Now assigned to nobody.');
    $<HTMLButtonElement>(inner, '[part~=back]').click();
    await settle(el);
    expect(fact(row(el, FINANCIAL), 'Assigned to')).to.equal('Nobody');
  });

  it('shows read-only staff the conversation without any action', async () => {
    const { el, log } = await mount({ me: fixtureMe({ role: 'read-only', scopes: ['requests:read', 'accounts:read'] }) });
    expect(text(root(el))).to.contain('You can read requests.');
    await openRequest(el, FINANCIAL);
    const inner = detailRoot(el);
    expect(inner.querySelectorAll('[part~=message]')).to.have.length(2);
    expect(inner.querySelector('form, textarea, [part~=send], [part~=change-status], [part~=save-assignee]')).to.be.null;
    expect(text($(inner, '[part~=read-only]'))).to.contain('need the “Requests: change” permission');
    expect(log.every((call) => call.method === 'GET')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('speaks pt-BR and es, and fits 320 px without a horizontal scroll', async () => {
    const pt = await mount({ locale: 'pt-BR', width: 320 });
    expect(text($(root(pt.el), 'h2'))).to.equal('Caixa de entrada');
    expect(text(row(pt.el, FINANCIAL))).to.contain('Em andamento');
    expect(text(row(pt.el, 'Exames periódicos de 12 funcionários'))).to.contain('Dúvidas e pedidos');
    const base = $(root(pt.el), '[part=base]');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await openRequest(pt.el, FINANCIAL);
    const inner = detailRoot(pt.el);
    expect(text($(inner, '[part~=send]'))).to.equal('Enviar resposta');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(pt.el).to.be.accessible();

    const es = await mount({ locale: 'es' });
    expect(text($(root(es.el), 'h2'))).to.equal('Bandeja de entrada');
    expect(text($(root(es.el), '[part~=filters]'))).to.contain('Usted (Ana Ribeiro)');
  });
});
