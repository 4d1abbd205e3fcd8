/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/documents/portal-documents.ts';
import type { PortalDocuments } from '../../widgets/documents/portal-documents.ts';
import { ApiError, HttpPortalApi, type DocumentFilters, type DocumentItem, type Page } from '../../widgets/core/api-client.ts';
import { fixtureDocument, fixtureSession, fixtureTenant, horizonteDocuments, memoryDocuments, provideFixtureRuntime, type DocumentData, type FixtureApi } from '../../widgets/core/fixtures.ts';
import { todayIn } from '../../widgets/core/format.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { SEARCH_DELAY_MS } from '../../widgets/documents/filters.ts';
import { formatFileSize } from '../../widgets/core/format.ts';
import type * as Server from '../../server/features/documents/schemas.ts';
import type { z } from 'zod';
import { jsonAnswer, recordFetch } from './fetch-recorder.ts';

// The list's filters are the widget's own type: this fails the type-check if they stop matching the server's query
// parameters (the same names besides the locale every portal call takes, the same "since" values).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type ServerQuery = z.input<typeof Server.listQuery>;
const mirrorsServer: [
  Same<Exclude<keyof DocumentFilters, 'locale'>, keyof ServerQuery>,
  Same<NonNullable<DocumentFilters['since']>, NonNullable<ServerQuery['since']>>,
] = [true, true];
void mirrorsServer;

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];
/** The day the fixture server counts "the last N months" from. */
const TODAY = '2026-11-24';
const ONE_ACCOUNT = [{ id: 'a1', name: 'Metalúrgica Horizonte Ltda', kind: 'company' as const, establishments: 'all' as const }];

/** The fixture server over Horizonte's documents, changed by `change`. */
function documents(change: (data: DocumentData) => void = () => {}): Calls {
  const data = horizonteDocuments();
  change(data);
  return memoryDocuments(data, { today: TODAY });
}

async function mount(options: { signedIn?: boolean; locale?: Locale; auth?: Calls; width?: number; category?: string; accounts?: 'one' | 'several' } = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`max-width: ${options.width ?? 720}px`}></div>`);
  const session = options.accounts === 'one' ? fixtureSession({ accountId: 'a1', accounts: ONE_ACCOUNT }) : fixtureSession();
  const provided = provideFixtureRuntime(wrapper, { tenant: fixtureTenant() }, {
    locale: options.locale ?? 'en',
    auth: { ...(options.signedIn ?? true ? { refresh: async () => session } : {}), ...documents(), ...options.auth },
  });
  const el = document.createElement('portal-documents') as PortalDocuments;
  if (options.category) el.category = options.category;
  const navigated: [string, string][] = [];
  el.navigate = (url, name) => void navigated.push([url, name]);
  wrapper.append(el);
  await provided.loaded;
  await settle(el);
  return { el, navigated, ...provided, api: provided.api as FixtureApi };
}

async function settle(el: { updateComplete: Promise<boolean> }) {
  for (let i = 0; i < 8; i++) {
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const root = (el: PortalDocuments) => el.shadowRoot!;
/** Text with runs of white space (Intl's no-break spaces too) as one space. */
const norm = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const text = (el: PortalDocuments) => norm(root(el).textContent);
const button = (el: PortalDocuments, label: string) => [...root(el).querySelectorAll('button')].find((b) => norm(b.textContent).includes(label))!;
const items = (el: PortalDocuments) => [...root(el).querySelectorAll<HTMLElement>('[part~=document]')];
const titles = (el: PortalDocuments) => items(el).map((item) => item.querySelector('h3')!.textContent);
const item = (el: PortalDocuments, title: string) => items(el).find((i) => i.querySelector('h3')!.textContent === title)!;
const calls = (api: FixtureApi, name: string) => api.log.filter((c) => c.name === name);
const lastCall = (api: FixtureApi, name: string) => calls(api, name).at(-1)!;
/** An element's markup, '' for none (a failed assertion then shows what is there, not a whole element). */
const markup = (element: Element | null | undefined) => element?.outerHTML ?? '';
const lastQuery = (api: FixtureApi) => lastCall(api, 'listDocuments').args[1] as DocumentFilters;

async function choose(el: PortalDocuments, selector: string, value: string | boolean) {
  const field = root(el).querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
  if (typeof value === 'boolean') (field as HTMLInputElement).checked = value;
  else field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

/** A day `days` after today where the fixture tenant is (São Paulo). */
function dayFromToday(days: number): string {
  const date = new Date(`${todayIn('America/Sao_Paulo')}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('<portal-documents>', () => {
  it('asks a signed-out visitor to sign in, and asks the server nothing', async () => {
    const { el, api } = await mount({ signedIn: false });
    expect(text(el)).to.contain('Sign in to see your documents.');
    expect(calls(api, 'listDocuments').length + calls(api, 'documentCatalog').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows a progress indicator while loading', async () => {
    const { el } = await mount({ auth: { listDocuments: () => new Promise(() => {}) } });
    expect(root(el).querySelector('[part~=status] progress')).to.exist;
    expect(root(el).querySelector('.loading[role=status]')!.textContent).to.contain('Loading…');
    expect(items(el).length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('D1: lists the documents newest first, each with its category, whose, where, dates, file type and size', async () => {
    const { el, api } = await mount();
    expect(lastQuery(api)).to.deep.equal({ locale: 'en' });
    expect(lastCall(api, 'documentCatalog').args.slice(0, 2)).to.deep.equal(['fixture.access.token', { locale: 'en' }]);
    expect(titles(el)).to.deep.equal([
      'S-2220 — ASO periódico — Carlos Eduardo Souza',
      'ASO periódico — Carlos Eduardo Souza',
      'S-2240 — Condições ambientais — Setor de solda',
      'S-2220 — ASO admissional — Juliana Pereira (retificação)',
      'S-2220 — ASO admissional — Juliana Pereira',
      'ASO admissional — Juliana Pereira',
    ]);
    const aso = item(el, 'ASO periódico — Carlos Eduardo Souza');
    expect(aso.querySelector('[part~=category]')!.textContent).to.equal('Fitness certificates (ASO)');
    expect(aso.querySelector('[part~=establishment]')!.textContent).to.equal('Matriz');
    expect(norm(aso.textContent)).to.contain('Metalúrgica Horizonte Ltda').and.contain('Matriz').and.contain('Issued Nov 17, 2026').and.contain('Nov 17, 2027');
    expect(norm(aso.querySelector('[part~=file]')!.textContent)).to.contain('PDF · 182 kB');
    const solda = item(el, 'S-2240 — Condições ambientais — Setor de solda');
    expect(norm(solda.textContent)).to.contain('Filial Contagem').and.contain('Event S-2240').and.contain('Receipt no. 1.2.0000000024517920311');
    expect(norm(item(el, 'S-2220 — ASO admissional — Juliana Pereira').querySelector('[part~=badge]')!.textContent)).to.equal('↻ Rectified');
    expect(root(el).querySelector('[part~=count]')!.textContent).to.equal('Showing the 6 newest documents');
    await expect(el).to.be.accessible();
  });

  it('marks an expired document in words, not only by colour', async () => {
    const list: Page<DocumentItem> = {
      items: [
        fixtureDocument({ id: 'x1', title: 'ASO vencido', validUntil: dayFromToday(-1) }),
        fixtureDocument({ id: 'x2', title: 'ASO válido até hoje', validUntil: dayFromToday(0) }),
        fixtureDocument({ id: 'x3', title: 'ASO sem validade', validUntil: null, file: { name: 'aso.png', type: 'image/png', size: 640 } }),
      ],
      next: null,
    };
    const { el } = await mount({ auth: { listDocuments: async () => list } });
    const expired = item(el, 'ASO vencido');
    expect(expired.dataset.expired).to.equal('true');
    expect(norm(expired.querySelector('[part~=badge][data-state=expired]')!.textContent)).to.match(/^! Expired on \w{3} \d{1,2}, \d{4}$/);
    expect(markup(item(el, 'ASO válido até hoje').querySelector('[part~=badge]'))).to.equal('');
    expect(norm(item(el, 'ASO válido até hoje').textContent)).to.contain('Valid until');
    expect(norm(item(el, 'ASO sem validade').textContent)).not.to.contain('Valid').and.not.to.contain('Expired');
    expect(norm(item(el, 'ASO sem validade').querySelector('[part~=file]')!.textContent)).to.contain('Image (PNG) · 640 byte');
    expect(root(el).querySelector('[part~=count]')!.textContent).to.equal('Showing 3 documents');
    await expect(el).to.be.accessible();
  });

  it('writes sizes in decimal units in the reader’s language', () => {
    expect(formatFileSize(2_413_900, 'en')).to.equal('2.4 MB');
    expect(norm(formatFileSize(2_413_900, 'pt-BR'))).to.equal('2,4 MB');
    expect(formatFileSize(182_400, 'en')).to.equal('182 kB');
    expect(formatFileSize(12_900_000_000, 'en')).to.equal('13 GB');
  });

  it('D1: filters by category (the catalog’s, in the reader’s language) and tells the page', async () => {
    const { el, api } = await mount();
    const select = root(el).querySelector<HTMLSelectElement>('select[name=category]')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal([
      'All categories', 'Work accident reports (CAT)', 'Risk management programme (PGR)', 'Occupational health programme (PCMSO)', 'Fitness certificates (ASO)', 'Reports', 'eSocial receipts',
    ]);
    const changed = oneEvent(el, 'change');
    await choose(el, 'select[name=category]', 'pcmso');
    await changed;
    expect(el.category).to.equal('pcmso');
    expect(el.getAttribute('category')).to.equal('pcmso');
    expect(lastQuery(api)).to.deep.equal({ category: 'pcmso', locale: 'en' });
    expect(titles(el)).to.deep.equal(['PCMSO 2026 — Matriz', 'PCMSO 2026 — Filial Contagem', 'PCMSO 2025 — Matriz']);
    expect(norm(item(el, 'PCMSO 2025 — Matriz').querySelector('[part~=badge]')!.textContent)).to.contain('Expired on Mar 2, 2026');
    expect(markup(root(el).querySelector('[part~=esocial]'))).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('D3: filters by establishment (from what the user reaches and the documents loaded), account and issue dates', async () => {
    const { el, api } = await mount();
    const establishments = root(el).querySelector<HTMLSelectElement>('select[name=establishmentId]')!;
    expect([...establishments.options].map((o) => o.textContent)).to.deep.equal(['All establishments', 'Filial Contagem', 'Matriz']);
    await choose(el, 'select[name=establishmentId]', 'e2');
    expect(lastQuery(api)).to.deep.equal({ establishmentId: 'e2', locale: 'en' });
    expect(items(el).every((i) => i.textContent!.includes('Filial Contagem'))).to.equal(true);
    await choose(el, 'input[name=from]', '2026-09-01');
    await choose(el, 'input[name=to]', '2026-10-31');
    expect(lastQuery(api)).to.deep.equal({ establishmentId: 'e2', from: '2026-09-01', to: '2026-10-31', locale: 'en' });
    expect(titles(el)).to.deep.equal(['S-2240 — Condições ambientais — Setor de solda', 'CAT 2026/0001234-5 — Rafael Gomes (acidente típico)', 'ASO demissional — Marcos Vieira (digitalizado)']);
    const period = root(el).querySelector<HTMLDetailsElement>('[part~=period]')!;
    expect(norm(period.querySelector('summary')!.textContent), 'the dates chosen show while tucked away').to.equal('Issue dates: Sep 1, 2026 to Oct 31, 2026');
    period.open = true;
    await settle(el);
    const filters = root(el).querySelector<HTMLElement>('[part~=filters]')!;
    expect(filters.scrollWidth, 'the date fields fit beside each other').to.be.at.most(filters.clientWidth);
    expect(norm(item(el, 'ASO demissional — Marcos Vieira (digitalizado)').querySelector('[part~=file]')!.textContent)).to.contain('Image (JPEG) · 1.4 MB');
    await expect(el).to.be.accessible();
    await choose(el, 'select[name=accountId]', 'a2');
    expect(lastQuery(api), 'another account: its establishments, not the other’s').to.deep.equal({ accountId: 'a2', from: '2026-09-01', to: '2026-10-31', locale: 'en' });
    expect(markup(root(el).querySelector('select[name=establishmentId]'))).to.equal('');
  });

  it('a user of one account with all its establishments sees no account choice, and no account name on documents', async () => {
    const { el } = await mount({ accounts: 'one' });
    expect(markup(root(el).querySelector('select[name=accountId]'))).to.equal('');
    expect(item(el, 'ASO periódico — Carlos Eduardo Souza').textContent).not.to.contain('Metalúrgica Horizonte Ltda');
    expect(root(el).querySelector('select[name=establishmentId]')).to.exist;
  });

  it('a user limited to one establishment gets no establishment choice', async () => {
    const limited = [{ id: 'a1', name: 'Metalúrgica Horizonte Ltda', kind: 'company' as const, establishments: [{ id: 'e2', name: 'Filial Contagem' }] }];
    const onlyFilial = documents((data) => (data.documents = data.documents.filter((d) => d.establishmentId === 'e2')));
    const { el } = await mount({ auth: { ...onlyFilial, refresh: async () => fixtureSession({ accountId: 'a1', accounts: limited }) } });
    expect(items(el).length).to.be.greaterThan(0);
    expect(markup(root(el).querySelector('select[name=establishmentId]'))).to.equal('');
  });

  it('searches by title once typing pauses, and at once on Enter', async () => {
    const { el, api } = await mount();
    const before = calls(api, 'listDocuments').length;
    root(el).querySelector<HTMLInputElement>('input[name=q]')!.focus();
    await sendKeys({ type: 'pcmso' });
    await sleep(SEARCH_DELAY_MS / 2);
    expect(calls(api, 'listDocuments').length, 'not while typing').to.equal(before);
    await sleep(SEARCH_DELAY_MS);
    await settle(el);
    expect(calls(api, 'listDocuments').length).to.equal(before + 1);
    expect(lastQuery(api)).to.deep.equal({ q: 'pcmso', locale: 'en' });
    expect(titles(el)).to.deep.equal(['PCMSO 2026 — Matriz', 'PCMSO 2026 — Filial Contagem', 'Relatório analítico anual do PCMSO — 2025', 'PCMSO 2025 — Matriz']);
    await sendKeys({ type: ' 2026' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(lastQuery(api)).to.deep.equal({ q: 'pcmso 2026', locale: 'en' });
    const afterEnter = calls(api, 'listDocuments').length;
    await sleep(SEARCH_DELAY_MS + 50);
    await settle(el);
    expect(calls(api, 'listDocuments').length, 'Enter ran the search: typing’s wait is dropped').to.equal(afterEnter);
    expect(titles(el)).to.deep.equal(['PCMSO 2026 — Matriz', 'PCMSO 2026 — Filial Contagem']);
  });

  it('a search with no result says what to change, and clearing the filters shows everything again', async () => {
    const { el, api } = await mount();
    await choose(el, 'select[name=category]', 'pgr');
    root(el).querySelector<HTMLInputElement>('input[name=q]')!.value = 'extintores';
    root(el).querySelector<HTMLFormElement>('[part~=filters]')!.requestSubmit();
    await settle(el);
    expect(lastQuery(api)).to.deep.equal({ category: 'pgr', q: 'extintores', locale: 'en' });
    const empty = root(el).querySelector('[part~=empty]')!;
    expect(norm(empty.textContent)).to.contain('No documents match these filters.');
    expect([...root(el).querySelectorAll('button')].filter((b) => b.textContent === 'Clear filters').length, 'one "clear filters", beside the message').to.equal(1);
    expect([...empty.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal([
      'Search for other words than “extintores”, or clear the search',
      'Choose “All categories” instead of “Risk management programme (PGR)”',
    ]);
    expect(root(el).querySelector('[part~=count]')!.textContent).to.equal('');
    await expect(el).to.be.accessible();
    empty.querySelector('button')!.click();
    await settle(el);
    expect(lastQuery(api)).to.deep.equal({ locale: 'en' });
    expect(el.category).to.equal('');
    expect(root(el).querySelector<HTMLInputElement>('input[name=q]')!.value).to.equal('');
    expect(root(el).activeElement?.getAttribute('name')).to.equal('q');
    expect(items(el).length).to.equal(6);
  });

  it('says so when nothing was published yet, naming the business', async () => {
    const { el } = await mount({ locale: 'pt-BR', auth: { listDocuments: async () => ({ items: [], next: null }) } });
    expect(root(el).querySelector('[part~=empty]')!.textContent).to.equal('Nenhum documento ainda. Quando Clínica Sol publicar documentos para você, eles aparecem aqui.');
    expect(markup(root(el).querySelector('[part~=empty] button'))).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('D2: the eSocial view starts from the tenant’s settings (rectified hidden, 12 months) and changes them', async () => {
    const { el, api } = await mount();
    await choose(el, 'select[name=category]', 'esocial');
    expect(lastQuery(api)).to.deep.equal({ category: 'esocial', rectified: false, since: '12', locale: 'en' });
    expect(root(el).querySelector<HTMLInputElement>('input[name=rectified]')!.checked).to.equal(false);
    expect(root(el).querySelector<HTMLSelectElement>('select[name=since]')!.value).to.equal('12');
    expect(titles(el)).to.deep.equal([
      'S-2220 — ASO periódico — Carlos Eduardo Souza',
      'S-2240 — Condições ambientais — Setor de solda',
      'S-2220 — ASO admissional — Juliana Pereira (retificação)',
      'S-2240 — Condições ambientais — Cabine de pintura',
    ]);
    expect(norm(items(el)[0]!.querySelector('[part~=receipt]')!.textContent)).to.equal('Event S-2220 Receipt no. 1.2.0000000024816735902');
    await expect(el).to.be.accessible();

    await choose(el, 'input[name=rectified]', true);
    expect(lastQuery(api)).to.deep.equal({ category: 'esocial', rectified: true, since: '12', locale: 'en' });
    const rectified = item(el, 'S-2220 — ASO admissional — Juliana Pereira');
    expect(norm(rectified.querySelector('[part~=receipt] [part~=badge][data-state=rectified]')!.textContent)).to.equal('↻ Rectified');
    expect(markup(item(el, 'S-2220 — ASO admissional — Juliana Pereira (retificação)').querySelector('[part~=badge]'))).to.equal('');
    await expect(el).to.be.accessible();

    await choose(el, 'select[name=since]', '3');
    expect(lastQuery(api)).to.deep.equal({ category: 'esocial', rectified: true, since: '3', locale: 'en' });
    expect(titles(el)).not.to.include('S-2240 — Condições ambientais — Cabine de pintura');
    await choose(el, 'select[name=since]', 'all');
    expect(lastQuery(api).since).to.equal('all');
    await choose(el, 'select[name=category]', 'aso');
    expect(lastQuery(api), 'the eSocial choices go only with the eSocial view').to.deep.equal({ category: 'aso', locale: 'en' });
  });

  it('D2: another tenant’s settings (rectified shown, 6 months) are the eSocial view’s starting point, even opened directly', async () => {
    const { el, api } = await mount({ category: 'esocial', auth: documents((data) => (data.esocial = { includeRectified: true, sinceMonths: 6 })) });
    expect(calls(api, 'listDocuments').map((c) => c.args[1])).to.deep.equal([{ category: 'esocial', rectified: true, since: '6', locale: 'en' }]);
    expect(root(el).querySelector<HTMLInputElement>('input[name=rectified]')!.checked).to.equal(true);
    expect(root(el).querySelector<HTMLSelectElement>('select[name=since]')!.value).to.equal('6');
    expect(titles(el)).to.include('S-2220 — ASO admissional — Juliana Pereira');
    const { el: all, api: allApi } = await mount({ category: 'esocial', auth: documents((data) => (data.esocial = { includeRectified: false, sinceMonths: null })) });
    expect(lastQuery(allApi)).to.deep.equal({ category: 'esocial', rectified: false, since: 'all', locale: 'en' });
    expect(root(all).querySelector<HTMLSelectElement>('select[name=since]')!.value).to.equal('all');
  });

  it('D2: an empty eSocial view says which of its choices to change', async () => {
    const { el } = await mount({ category: 'esocial', locale: 'es', auth: documents((data) => (data.documents = data.documents.filter((d) => d.category !== 'esocial' || d.esocial?.rectified))) });
    expect([...root(el).querySelectorAll('[part~=empty] li')].map((li) => li.textContent)).to.deep.equal([
      'Elija «Todas las categorías» en lugar de «Recibos de eSocial»',
      'Elija un periodo más largo que los últimos 12 meses o «todo el periodo»',
      'Marque «Mostrar recibos rectificados»',
    ]);
    await expect(el).to.be.accessible();
  });

  it('downloads in one tap through a signed link, the title in the button’s name', async () => {
    const { el, api, navigated } = await mount({ auth: documents(), category: 'pcmso' });
    const download = item(el, 'PCMSO 2026 — Filial Contagem').querySelector<HTMLButtonElement>('[part~=download]')!;
    expect(norm(download.textContent)).to.equal('Download PCMSO 2026 — Filial Contagem');
    download.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(lastCall(api, 'documentLink').args).to.deep.equal(['fixture.access.token', 'd-pcmso-filial']);
    expect(navigated).to.deep.equal([['https://portal.example.com/api/portal/documents/d-pcmso-filial/download?token=fixture-link', 'pcmso-2026-filial-contagem.pdf']]);
    expect(calls(api, 'downloadDocument').length).to.equal(0);
    expect(root(el).querySelector('[part~=status][role=status]:not(.loading)')!.textContent).to.equal('Download started: PCMSO 2026 — Filial Contagem.');
  });

  it('without a link (network, server trouble), downloads the file with the token and hands it over as a blob', async () => {
    const { el, api, navigated } = await mount({ auth: { ...documents(), documentLink: async () => Promise.reject(new ApiError('network_error', 0, '')) } });
    item(el, 'ASO periódico — Carlos Eduardo Souza').querySelector<HTMLButtonElement>('[part~=download]')!.click();
    await settle(el);
    expect(lastCall(api, 'downloadDocument').args).to.deep.equal(['fixture.access.token', 'd-aso-carlos', 'aso-periodico-carlos-eduardo-souza.pdf']);
    expect(navigated.length).to.equal(1);
    expect(navigated[0]![0]).to.match(/^blob:/);
    expect(navigated[0]![1]).to.equal('aso-periodico-carlos-eduardo-souza.pdf');
  });

  it('the default download is a link’s click on the signed URL, named as the file', async () => {
    const { el } = await mount();
    el.navigate = PortalDocumentsDefaultNavigate();
    const original = HTMLAnchorElement.prototype.click;
    let clicked: HTMLAnchorElement | undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked = this;
    };
    try {
      item(el, 'ASO periódico — Carlos Eduardo Souza').querySelector<HTMLButtonElement>('[part~=download]')!.click();
      await settle(el);
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(clicked!.href).to.equal('https://portal.example.com/api/portal/documents/d-aso-carlos/download?token=fixture-link');
    expect(clicked!.download).to.equal('aso-periodico-carlos-eduardo-souza.pdf');
  });

  it('translates a refused download beside the document, without trying the file when the session is refused', async () => {
    const refuse = (code: string, status: number) => async () => Promise.reject(new ApiError(code, status, 'x'));
    const { el, api, navigated } = await mount({ locale: 'pt-BR', auth: { ...documents(), documentLink: refuse('forbidden', 403) } });
    const aso = item(el, 'ASO periódico — Carlos Eduardo Souza');
    aso.querySelector<HTMLButtonElement>('[part~=download]')!.click();
    await settle(el);
    expect(aso.querySelector('[part~=error][role=alert]')!.textContent).to.equal('Esta sessão não vê documentos. Entre com o seu e-mail.');
    expect(calls(api, 'downloadDocument').length).to.equal(0);
    expect(navigated).to.deep.equal([]);
    await expect(el).to.be.accessible();
    const { el: es } = await mount({ locale: 'es', auth: { ...documents(), documentLink: refuse('link_expired', 410), downloadDocument: refuse('not_found', 404) } });
    items(es)[0]!.querySelector<HTMLButtonElement>('[part~=download]')!.click();
    await settle(es);
    expect(items(es)[0]!.querySelector('[part~=error]')!.textContent).to.equal('Este documento ya no está disponible. Recargue la página para ver la lista actual.');
    const { el: en } = await mount({ auth: { ...documents(), documentLink: refuse('invalid_link', 403), downloadDocument: refuse('link_expired', 410) } });
    items(en)[0]!.querySelector<HTMLButtonElement>('[part~=download]')!.click();
    await settle(en);
    expect(items(en)[0]!.querySelector('[part~=error]')!.textContent).to.equal('The download link has expired. Press Download again.');
  });

  it('translates a failed list, and tries again', async () => {
    let answer: Promise<Page<DocumentItem>> | undefined = Promise.reject(new ApiError('unauthenticated', 401, ''));
    answer.catch(() => {});
    const { el, api } = await mount({ locale: 'pt-BR', auth: { listDocuments: async (token, filters) => answer ?? memoryDocuments().listDocuments(token, filters) } });
    const alert = root(el).querySelector('[part~=error][role=alert]')!;
    expect(alert.textContent).to.contain('Sua sessão terminou. Entre novamente.');
    await expect(el).to.be.accessible();
    answer = undefined;
    button(el, 'Tentar de novo').click();
    await settle(el);
    expect(calls(api, 'listDocuments').length).to.equal(2);
    expect(items(el).length).to.equal(6);
    const { el: other } = await mount({ auth: { listDocuments: async () => Promise.reject(new ApiError('something_new', 500, '')) } });
    expect(root(other).querySelector('[part~=error]')!.textContent).to.contain('Something went wrong');
  });

  it('without the catalog, says so and still lists every document', async () => {
    const { el } = await mount({ auth: { documentCatalog: async () => Promise.reject(new ApiError('network_error', 0, '')) } });
    expect(root(el).querySelector('[part~=error][role=alert]')!.textContent).to.contain('We could not reach the portal');
    expect(items(el).length).to.equal(6);
    const categories = [...root(el).querySelectorAll<HTMLOptionElement>('select[name=category] option')].map((o) => o.textContent);
    expect(categories, 'the categories seen on documents').to.include('Fitness certificates (ASO)');
    await expect(el).to.be.accessible();
  });

  it('shows more documents by keyset, keeps the filters, and moves focus to the first new one', async () => {
    const { el, api } = await mount();
    await choose(el, 'input[name=to]', '2026-12-31');
    button(el, 'Show more documents').click();
    await settle(el);
    expect(lastQuery(api)).to.deep.equal({ to: '2026-12-31', locale: 'en', before: '6' });
    expect(items(el).length).to.equal(12);
    expect(root(el).activeElement === items(el)[6]!.querySelector('[part~=download]'), 'focus on the first new document').to.equal(true);
    expect(norm(root(el).activeElement!.textContent)).to.contain('CAT 2026/0001234-5');
    button(el, 'Show more documents').click();
    await settle(el);
    expect(lastQuery(api).before).to.equal('12');
    expect(items(el).length).to.equal(16);
    expect(markup(button(el, 'Show more documents'))).to.equal('');
    expect(root(el).querySelector('[part~=count]')!.textContent).to.equal('Showing 16 documents');
    await expect(el).to.be.accessible();
  });

  it('switches language with the page: words, dates, sizes and the category names it asks for', async () => {
    const { el, api, runtime } = await mount({ locale: 'pt-BR' });
    expect(root(el).querySelector('h2')!.textContent).to.equal('Documentos');
    const aso = () => item(el, 'ASO periódico — Carlos Eduardo Souza');
    expect(norm(aso().textContent)).to.contain('Emitido em 17 de nov. de 2026').and.contain('17 de nov. de 2027');
    expect(aso().querySelector('[part~=category]')!.textContent).to.equal('ASO');
    expect(norm(item(el, 'S-2220 — ASO admissional — Juliana Pereira').querySelector('[part~=badge]')!.textContent)).to.equal('↻ Retificado');
    expect(norm(aso().querySelector('[part~=download]')!.textContent)).to.equal('Baixar ASO periódico — Carlos Eduardo Souza');
    expect(lastQuery(api).locale).to.equal('pt-BR');
    runtime.runtime.setLocale('es');
    await settle(el);
    expect(lastQuery(api).locale).to.equal('es');
    expect(lastCall(api, 'documentCatalog').args[1]).to.deep.equal({ locale: 'es' });
    expect(root(el).querySelector('h2')!.textContent).to.equal('Documentos');
    expect(norm(aso().textContent)).to.contain('Emitido el 17 nov 2026');
    expect(norm(item(el, 'S-2220 — ASO periódico — Carlos Eduardo Souza').querySelector('[part~=category]')!.textContent)).to.equal('Recibos de eSocial');
    expect(norm(aso().querySelector('[part~=download]')!.textContent)).to.contain('Descargar');
    expect([...root(el).querySelectorAll('select[name=category] option')].at(-1)!.textContent).to.equal('Recibos de eSocial');
    await expect(el).to.be.accessible();
  });

  it('forgets the previous person’s filters when someone else signs in', async () => {
    const { el, api, runtime } = await mount();
    await choose(el, 'select[name=establishmentId]', 'e2');
    runtime.runtime.signedIn(fixtureSession({ user: { id: 'u2', email: 'other@example.com', locale: null }, accountId: 'a2' }));
    await settle(el);
    expect(lastQuery(api)).to.deep.equal({ locale: 'en' });
  });

  it('fits a 320 px wide phone, in the eSocial view', async () => {
    const { el } = await mount({ width: 320, category: 'esocial' });
    root(el).querySelector<HTMLDetailsElement>('[part~=period]')!.open = true;
    await settle(el);
    const base = root(el).querySelector<HTMLElement>('[part=base]')!;
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    for (const part of root(el).querySelectorAll<HTMLElement>('[part~=document], [part~=filters], [part~=esocial], [part~=search], [part~=period]')) {
      expect(part.scrollWidth, part.getAttribute('part')!).to.be.at.most(part.clientWidth);
    }
    await expect(el).to.be.accessible();
  });
});

/** The element's own download (a link's click), read from a fresh element. */
function PortalDocumentsDefaultNavigate() {
  return document.createElement('portal-documents').navigate;
}

describe('HttpPortalApi: document calls', () => {
  const api = new HttpPortalApi('https://portal.example.com/', 'clinica-sol');
  const http = recordFetch();
  const json = jsonAnswer;

  it('asks for the catalog and the list with the filters as the query, the token and the tenant', async () => {
    http.answer = json({ categories: [], esocial: { includeRectified: false, sinceMonths: null } });
    await api.documentCatalog('tok', { locale: 'pt-BR' });
    expect(http.sent[0]!.url).to.equal('https://portal.example.com/api/portal/documents/catalog?locale=pt-BR');
    expect(http.sent[0]!.headers).to.include({ Authorization: 'Bearer tok', 'X-Portal-Tenant': 'clinica-sol' });
    http.answer = json({ items: [], next: null });
    await api.listDocuments('tok', { category: 'esocial', accountId: 'a1', establishmentId: 'e2', from: '2026-01-01', to: '2026-06-30', q: 'S-2220', rectified: false, since: '6', before: 'cursor-0001', limit: 10, locale: 'es' });
    expect(http.sent[1]!.url).to.equal(
      'https://portal.example.com/api/portal/documents?category=esocial&accountId=a1&establishmentId=e2&from=2026-01-01&to=2026-06-30&q=S-2220&rectified=false&since=6&before=cursor-0001&limit=10&locale=es',
    );
    await api.listDocuments('tok', {});
    expect(http.sent[2]!.url).to.equal('https://portal.example.com/api/portal/documents');
  });

  it('asks for a signed link by POST and makes it absolute on Portico', async () => {
    http.answer = json({ url: '/api/portal/documents/download?token=abc', expiresAt: '2026-11-24T12:05:00Z' });
    expect(await api.documentLink('tok', 'd 1')).to.deep.equal({ url: 'https://portal.example.com/api/portal/documents/download?token=abc', expiresAt: '2026-11-24T12:05:00Z' });
    expect([http.sent[0]!.method, http.sent[0]!.url, http.sent[0]!.body]).to.deep.equal(['POST', 'https://portal.example.com/api/portal/documents/d%201/link', {}]);
    expect(http.sent[0]!.headers).to.include({ Authorization: 'Bearer tok' });
    http.answer = json({ url: 'https://files.example.com/x?sig=1', expiresAt: '2026-11-24T12:05:00Z' });
    expect((await api.documentLink('tok', 'd1')).url).to.equal('https://files.example.com/x?sig=1');
  });

  it('downloads the file with the token, named as the server names it, else as the list named it; problems by code', async () => {
    http.answer = () => new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), { headers: { 'Content-Disposition': `attachment; filename="pcmso.pdf"; filename*=UTF-8''PCMSO%202026%20%E2%80%94%20Matriz.pdf` } });
    const named = await api.downloadDocument('tok', 'd1', 'fallback.pdf');
    expect(http.sent[0]!.url).to.equal('https://portal.example.com/api/portal/documents/d1/file');
    expect(http.sent[0]!.headers).to.include({ Authorization: 'Bearer tok', 'X-Portal-Tenant': 'clinica-sol' });
    expect([named.name, named.type]).to.deep.equal(['PCMSO 2026 — Matriz.pdf', 'application/pdf']);
    http.answer = () => new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' }));
    expect((await api.downloadDocument('tok', 'd1', 'pcmso-2026-matriz.pdf')).name).to.equal('pcmso-2026-matriz.pdf');
    http.answer = json({ code: 'not_found', detail: 'No such document' }, 404);
    expect(((await api.downloadDocument('tok', 'd1').catch((e: ApiError) => e)) as ApiError).code).to.equal('not_found');
    http.answer = json({ code: 'forbidden', detail: 'no' }, 403);
    expect(((await api.documentLink('tok', 'd1').catch((e: ApiError) => e)) as ApiError).code).to.equal('forbidden');
  });
});
