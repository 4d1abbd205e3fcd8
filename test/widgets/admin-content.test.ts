/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/content/admin-content.ts';
import type { AdminContent, ContentTab } from '../../widgets/admin/content/admin-content.ts';
import { ApiError, type AdminApi, type StaffMe } from '../../widgets/admin/admin-api.ts';
import { fakeAdminApi } from '../../widgets/admin/fake-admin-api.ts';
import { contentAccounts, contentRequest, fixtureContentMe, type ContentFixtureState } from '../../widgets/admin/content/fixture-api.ts';
import { contentData, type ContentData } from '../../widgets/admin/content/fixtures.ts';
import { keyFromTitle } from '../../widgets/admin/content/content-rules.ts';
import { applyTheme, DEFAULT_BRANDING } from '../../widgets/core/theme.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { buttonIn as button, facts, find as $, findAll as $$, mountSection, openPanel, sleep, textIn as text } from './admin-test-kit.ts';

type Call = { method: string; path: string; body?: unknown };
type Router = (method: string, path: string, body?: unknown) => Promise<unknown>;

interface MountOptions {
  data?: ContentData;
  /** Routes answered otherwise, keyed `METHOD /path` (without the query). */
  overrides?: Record<string, Router>;
  state?: ContentFixtureState;
  me?: StaffMe;
  locale?: Locale;
  tab?: ContentTab;
  width?: number;
}

/** Mounts the section over the in-memory content, writing down every request and account search. */
async function mount(options: MountOptions = {}) {
  const data = options.data ?? contentData();
  const fallback = contentRequest(data, { state: options.state }) as unknown as Router;
  const log: Call[] = [];
  const searches: unknown[] = [];
  const listAccounts = contentAccounts(data);
  const api = fakeAdminApi({
    request: ((method: string, path: string, body?: unknown) => {
      log.push(body === undefined ? { method, path } : { method, path, body });
      return (options.overrides?.[`${method} ${path.split('?')[0]}`] ?? fallback)(method, path, body);
    }) as AdminApi['request'],
    listAccounts: (query, signal) => {
      searches.push(query);
      return listAccounts(query, signal);
    },
  });
  const { el } = await mountSection(
    'admin-content',
    { api, me: options.me ?? fixtureContentMe(), locale: options.locale ?? 'en', ...(options.tab ? { tab: options.tab } : {}) },
    { width: options.width, settle },
  );
  const writes = () => log.filter((call) => call.method !== 'GET');
  const reads = () => log.filter((call) => call.method === 'GET').map((call) => call.path);
  return { el, data, log, writes, reads, searches };
}

const panelEl = (el: AdminContent) => openPanel(el);
const panel = (el: AdminContent) => panelEl(el)!.shadowRoot!;
const pickerOf = (root: ShadowRoot) => root.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('admin-content-audience')!;

async function settle(el: AdminContent, rounds = 8) {
  for (let i = 0; i < rounds; i++) {
    await el.updateComplete;
    const inner = panelEl(el);
    await inner?.updateComplete;
    await inner?.shadowRoot?.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('admin-content-audience')?.updateComplete;
    await sleep();
  }
}

const item = (root: ParentNode, key: string) => $(root, `[part~=item][data-key="${key}"]`);
const keys = (root: ParentNode) => $$(root, '[part~=item]').map((li) => li.dataset.key);
const announced = (root: ParentNode) => text($(root, '[part~=announcement][role=status]'));
const errorOf = (root: ParentNode, id: string) => text(root.querySelector(`#${id}-error`));

/** Types into a field as the browser does: the value, then an `input` event (and `change` for boxes). */
function fill(root: ParentNode, selector: string, value: string) {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(root, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
function choose(input: HTMLInputElement, checked = true) {
  input.checked = checked;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}
function attach(root: ParentNode, selector: string, file: File) {
  const input = $<HTMLInputElement>(root, selector);
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  return input;
}
const png = (bytes = 2048, name = 'cartaz.png') => new File([new Uint8Array(bytes)], name, { type: 'image/png' });

async function click(el: AdminContent, target: HTMLElement) {
  target.click();
  await settle(el);
}

before(() => applyTheme(DEFAULT_BRANDING));

describe('<admin-content>', () => {
  it('asks nothing without content:read', async () => {
    const { el, log } = await mount({ me: fixtureContentMe('clinica-sol', 'none') });
    expect(text(el.shadowRoot!)).to.contain('Your role in the console does not include the portal’s content.');
    expect(el.shadowRoot!.querySelector('[role=tablist]')).to.be.null;
    expect(log).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('derives a key from a title: accents stripped, lower case, hyphens', () => {
    expect(keyFromTitle('Vacinação contra a gripe: 2ª dose')).to.equal('vacinacao-contra-a-gripe-2-dose');
    expect(keyFromTitle('  ¡Cambios en el IRPF 2026!  ')).to.equal('cambios-en-el-irpf-2026');
    expect(keyFromTitle('Économie — Ñandú')).to.equal('economie-nandu');
    expect(keyFromTitle('x'.repeat(59) + ' y')).to.equal('x'.repeat(59));
  });

  describe('news', () => {
    it('lists the news with their status in words, reads and audience', async () => {
      const { el, reads } = await mount();
      const root = panel(el);
      expect(reads()).to.deep.equal(['/api/v1/content/news']);
      expect(keys(root)).to.deep.equal(['campanha-vacinacao-gripe-2026', 'horario-feriado-tiradentes', 'novo-endereco-unidade-centro']);
      expect($$(root, '[part~=item] [part~=status]').map(text)).to.deep.equal(['Scheduled', 'Published', 'Expired']);
      const published = item(root, 'horario-feriado-tiradentes');
      expect(Object.keys(facts(published))).to.deep.equal(['Publication', 'Expiry', 'Audience', 'Reads', 'Key']);
      expect(facts(published)).to.include({ Audience: 'Everyone', Reads: '42', Key: 'horario-feriado-tiradentes' });
      expect(facts(item(root, 'campanha-vacinacao-gripe-2026'))).to.include({ Audience: '2 accounts', Reads: '0' });
      expect(facts(item(root, 'novo-endereco-unidade-centro')).Reads).to.equal('118');
      expect($(published, '[part~=thumbnail]').getAttribute('alt')).to.equal('Image of “Horário especial no feriado de Tiradentes”');
      const publishAt = $(published, 'time');
      expect(text(publishAt)).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(publishAt.getAttribute('datetime')!)));
      await expect(el).to.be.accessible();
    });

    it('creates a news item: key from the title, exact PUT, then the image; announces and focuses it', async () => {
      const { el, writes } = await mount();
      const root = panel(el);
      await click(el, button(root, 'New news item'));
      expect(root.activeElement).to.equal($(root, '#news-title'));
      fill(root, '#news-title', 'Vacinação contra a gripe: 2ª dose');
      await settle(el);
      expect($<HTMLInputElement>(root, '#news-key').value).to.equal('vacinacao-contra-a-gripe-2-dose');
      fill(root, '#news-summary', 'Segunda dose para quem tomou a primeira em abril.');
      fill(root, '#news-body', 'Agende pelo portal.\n\n- Traga a carteira de vacinação');
      fill(root, '#news-publishAt', '2026-05-04T09:00');
      fill(root, '#news-expiresAt', '2026-06-30T18:00');
      const image = png();
      attach(root, '#news-image', image);
      await settle(el);
      expect(text($(root, '#news-body-hint'))).to.contain('Markdown: **bold**');
      await expect(el).to.be.accessible();

      await click(el, button(root, 'Save'));
      const path = '/api/v1/content/news/vacinacao-contra-a-gripe-2-dose';
      expect(writes()).to.deep.equal([
        {
          method: 'PUT',
          path,
          body: {
            title: 'Vacinação contra a gripe: 2ª dose',
            summary: 'Segunda dose para quem tomou a primeira em abril.',
            body: 'Agende pelo portal.\n\n- Traga a carteira de vacinação',
            publishAt: new Date('2026-05-04T09:00').toISOString(),
            expiresAt: new Date('2026-06-30T18:00').toISOString(),
            audience: null,
          },
        },
        { method: 'PUT', path: `${path}/image`, body: image },
      ]);
      expect(root.querySelector('[part~=form]')).to.be.null;
      expect(keys(root)).to.include('vacinacao-contra-a-gripe-2-dose');
      expect($(item(root, 'vacinacao-contra-a-gripe-2-dose'), '[part~=thumbnail]')).to.exist;
      expect(announced(root)).to.equal('“Vacinação contra a gripe: 2ª dose” was saved.');
      expect(root.activeElement).to.equal($(root, '#news-item-vacinacao-contra-a-gripe-2-dose'));
      await expect(el).to.be.accessible();
    });

    it('checks the form first: missing fields, a key typed by hand, a key already used, an expiry before publication', async () => {
      const { el, writes } = await mount();
      const root = panel(el);
      await click(el, button(root, 'New news item'));
      await click(el, button(root, 'Save'));
      expect(writes()).to.have.length(0);
      expect(errorOf(root, 'news-title')).to.equal('Give a title.');
      expect(errorOf(root, 'news-key')).to.equal('Give a key, for example “holiday-hours”.');
      expect(errorOf(root, 'news-summary')).to.equal('Write a short summary.');
      expect(errorOf(root, 'news-body')).to.equal('Write the text of the news item.');
      expect($(root, '#news-title').getAttribute('aria-invalid')).to.equal('true');
      expect($(root, '#news-title').getAttribute('aria-describedby')).to.equal('news-title-error');
      expect(root.activeElement).to.equal($(root, '#news-title'));
      await expect(el).to.be.accessible();

      fill(root, '#news-title', 'Horário de Páscoa');
      fill(root, '#news-summary', 'Resumo');
      fill(root, '#news-body', 'Texto');
      await settle(el);
      expect(errorOf(root, 'news-title')).to.equal('');
      // A key typed by hand is kept when the title changes.
      fill(root, '#news-key', 'horario-feriado-tiradentes');
      fill(root, '#news-title', 'Horário de Páscoa 2026');
      await settle(el);
      expect($<HTMLInputElement>(root, '#news-key').value).to.equal('horario-feriado-tiradentes');
      await click(el, button(root, 'Save'));
      expect(errorOf(root, 'news-key')).to.equal('Another item already has this key. Choose another, or edit that item instead.');
      expect(root.activeElement).to.equal($(root, '#news-key'));

      fill(root, '#news-key', 'Páscoa!');
      await click(el, button(root, 'Save'));
      expect(errorOf(root, 'news-key')).to.contain('Use only lower-case letters, digits and hyphens');

      fill(root, '#news-key', 'horario-pascoa');
      fill(root, '#news-publishAt', '2026-04-01T10:00');
      fill(root, '#news-expiresAt', '2026-04-01T09:00');
      await click(el, button(root, 'Save'));
      expect(errorOf(root, 'news-expiresAt')).to.equal('The expiry must be after the publication.');
      expect(writes()).to.have.length(0);

      await click(el, button(root, 'Cancel'));
      expect(root.querySelector('[part~=form]')).to.be.null;
      expect(root.activeElement).to.equal($(root, '[part~=new]'));
    });

    it('edits a news item: the key fixed, untouched instants sent back as saved', async () => {
      const { el, writes, data } = await mount();
      const root = panel(el);
      const original = data.news.find((news) => news.key === 'horario-feriado-tiradentes')!;
      const edit = $<HTMLButtonElement>(item(root, original.key), '[part~=edit]');
      expect(edit.getAttribute('aria-label')).to.equal('Edit “Horário especial no feriado de Tiradentes”');
      await click(el, edit);
      expect(text($(root, '#form-title'))).to.equal('Edit “Horário especial no feriado de Tiradentes”');
      expect(root.querySelector('#news-key')).to.be.null;
      expect(text($(root, '.key-fixed'))).to.equal('Key horario-feriado-tiradentes');
      expect($<HTMLTextAreaElement>(root, '#news-body').value).to.equal(original.body);
      expect($(root, '[part~=form] [part~=thumbnail]').getAttribute('alt')).to.equal('Current image');
      fill(root, '#news-summary', 'No dia 21 a clínica atende das 8h às 13h.');
      await click(el, button(root, 'Save'));
      expect(writes()).to.deep.equal([
        {
          method: 'PUT',
          path: '/api/v1/content/news/horario-feriado-tiradentes',
          body: { title: original.title, summary: 'No dia 21 a clínica atende das 8h às 13h.', body: original.body, publishAt: original.publishAt, expiresAt: original.expiresAt, audience: null },
        },
      ]);
      expect(text($(item(root, original.key), '.summary'))).to.equal('No dia 21 a clínica atende das 8h às 13h.');
      expect(root.activeElement).to.equal($(root, '#news-item-horario-feriado-tiradentes'));
    });

    it('deletes a news item after a confirm step', async () => {
      const { el, writes } = await mount();
      const root = panel(el);
      const key = 'novo-endereco-unidade-centro';
      await click(el, $(item(root, key), '[part~=delete]'));
      expect(text($(item(root, key), '[part~=confirm] p'))).to.equal('Delete “Novo endereço da unidade Centro”? Clients will no longer see it, and this cannot be undone.');
      expect(root.activeElement).to.equal($(item(root, key), '[part~=cancel-delete]'));
      await expect(el).to.be.accessible();
      await click(el, $(item(root, key), '[part~=cancel-delete]'));
      expect(root.activeElement).to.equal($(item(root, key), '[part~=delete]'));
      await click(el, $(item(root, key), '[part~=delete]'));
      await click(el, $(item(root, key), '[part~=confirm-delete]'));
      expect(writes()).to.deep.equal([{ method: 'DELETE', path: `/api/v1/content/news/${key}` }]);
      expect(keys(root)).not.to.include(key);
      expect(announced(root)).to.equal('“Novo endereço da unidade Centro” was deleted.');
      expect(root.activeElement).to.equal($(root, '#news-heading'));
    });

    it('refuses an image too big or of the wrong kind before sending anything', async () => {
      const { el, writes } = await mount();
      const root = panel(el);
      await click(el, button(root, 'New news item'));
      const input = attach(root, '#news-image', png(2 * 1024 * 1024 + 1, 'enorme.png'));
      await settle(el);
      expect(errorOf(root, 'news-image')).to.equal('This image is larger than 2 MB. Choose a smaller one.');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.value).to.equal('');
      await expect(el).to.be.accessible();
      attach(root, '#news-image', new File(['GIF89a'], 'anim.gif', { type: 'image/gif' }));
      await settle(el);
      expect(errorOf(root, 'news-image')).to.equal('This file is not a PNG, JPEG or WebP image.');
      fill(root, '#news-title', 'Aviso');
      fill(root, '#news-summary', 'Resumo');
      fill(root, '#news-body', 'Texto');
      await click(el, button(root, 'Save'));
      expect(writes().map((call) => `${call.method} ${call.path}`)).to.deep.equal(['PUT /api/v1/content/news/aviso']);
    });

    it('shows the server’s invalid_input on the fields it names, and other problems on the form', async () => {
      let answer: ApiError = new ApiError('invalid_input', 400, 'Invalid json', undefined, [
        { path: 'expiresAt', message: 'must be after publishAt' },
        { path: 'audience.0', message: 'is not an account' },
        { path: 'body', message: 'is not readable Markdown' },
      ]);
      const { el } = await mount({ overrides: { 'PUT /api/v1/content/news/horario-feriado-tiradentes': async () => Promise.reject(answer) } });
      const root = panel(el);
      await click(el, $(item(root, 'horario-feriado-tiradentes'), '[part~=edit]'));
      await click(el, button(root, 'Save'));
      expect(errorOf(root, 'news-body')).to.equal('The text could not be read. Check that it is not empty and that every link starts with https:// or mailto:.');
      expect(errorOf(root, 'news-expiresAt')).to.equal('The expiry must be after the publication.');
      expect(errorOf(root, 'news-title')).to.equal('');
      expect(text($(pickerOf(root).shadowRoot!, '#audience-error'))).to.equal('An account chosen no longer exists. Remove it or choose another.');
      expect(root.activeElement).to.equal($(root, '#news-body'));
      await expect(el).to.be.accessible();

      answer = new ApiError('password_confirmation_required', 403, 'again');
      await click(el, button(root, 'Save'));
      expect(text($(root, '#form-error'))).to.equal('This change needs your password again. Try once more and confirm it.');
      expect(errorOf(root, 'news-body')).to.equal('');
    });

    it('shows only some accounts: found by search (Enter), ticked, sent as the audience', async () => {
      const { el, writes, searches } = await mount();
      const root = panel(el);
      await click(el, button(root, 'New news item'));
      fill(root, '#news-title', 'Exames periódicos');
      fill(root, '#news-summary', 'Resumo');
      fill(root, '#news-body', 'Texto');
      const picker = pickerOf(root).shadowRoot!;
      choose($(picker, 'input[value=some]'));
      await settle(el);
      await click(el, button(root, 'Save'));
      expect(text($(picker, '#audience-error'))).to.equal('Choose at least one account, or show it to every client.');
      expect(writes()).to.have.length(0);
      $(picker, '#audience-search').focus();
      await sendKeys({ type: 'horizonte' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(searches).to.deep.equal([{ q: 'horizonte' }]);
      expect(text($(picker, '[role=status]'))).to.equal('Accounts found: 1');
      choose($(picker, 'input[name=account]'));
      await settle(el);
      expect(text($(picker, '.accounts legend'))).to.equal('Accounts chosen (1)');
      expect(text($(picker, '.accounts'))).to.contain('Construtora Horizonte Ltda');
      await expect(el).to.be.accessible();
      await click(el, button(root, 'Save'));
      expect((writes()[0]!.body as { audience: unknown }).audience).to.deep.equal(['d1000000-0000-4000-8000-000000000002']);
    });
  });

  describe('materials', () => {
    it('groups the materials by topic, with position, file and whether clients see them', async () => {
      const { el, reads } = await mount({ tab: 'materials' });
      const root = panel(el);
      expect(reads()).to.deep.equal(['/api/v1/content/materials']);
      const topics = $$(root, '[part~=topic]');
      expect(topics.map((topic) => text($(topic, 'h4')))).to.deep.equal(['Exames ocupacionais', 'Financeiro']);
      expect(keys(topics[1]!)).to.deep.equal(['segunda-via-boleto', 'tabela-precos-2026']);
      const prices = item(root, 'tabela-precos-2026');
      expect(text($(prices, '[part~=status]'))).to.equal('Hidden');
      expect(facts(prices)).to.include({ Position: '2', File: 'tabela-precos-2026.pdf (PDF, 3.3 MB)', Text: 'None' });
      expect(facts(item(root, 'segunda-via-boleto'))).to.include({ File: 'No file', Text: 'Yes' });
      await expect(el).to.be.accessible();
    });

    it('creates a material, then uploads its file with the progress in words', async () => {
      let finish!: (value: unknown) => void;
      const data = contentData();
      const fallback = contentRequest(data) as unknown as Router;
      const { el, writes } = await mount({
        data,
        tab: 'materials',
        overrides: {
          'PUT /api/v1/content/materials/manual-do-colaborador/file': (method, path, body) =>
            new Promise((resolve) => (finish = () => resolve(fallback(method, path, body)))),
        },
      });
      const root = panel(el);
      await click(el, button(root, 'New material'));
      fill(root, '#materials-topic', 'Exames ocupacionais');
      fill(root, '#materials-title', 'Manual do colaborador');
      fill(root, '#materials-position', '3');
      choose($(root, '#materials-published'), false);
      const file = new File([new Uint8Array(1_500_000)], 'manual do colaborador.pdf', { type: 'application/pdf' });
      attach(root, '#materials-file', file);
      await settle(el);
      expect($$<HTMLOptionElement>(root, '#material-topics option').map((option) => option.value)).to.deep.equal(['Exames ocupacionais', 'Financeiro']);
      button(root, 'Save').click();
      await settle(el);
      expect(text($(root, '[part~=progress][role=status]'))).to.equal('Uploading “manual do colaborador.pdf” (1.4 MB)…');
      expect(text($(root, '[part~=save]'))).to.equal('Uploading…');
      expect($(root, '[part~=save]').getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
      finish(undefined);
      await settle(el);
      expect(writes()).to.deep.equal([
        { method: 'PUT', path: '/api/v1/content/materials/manual-do-colaborador', body: { topic: 'Exames ocupacionais', title: 'Manual do colaborador', body: null, position: 3, published: false } },
        { method: 'PUT', path: '/api/v1/content/materials/manual-do-colaborador/file?name=manual+do+colaborador.pdf', body: file },
      ]);
      expect(facts(item(root, 'manual-do-colaborador')).File).to.equal('manual do colaborador.pdf (PDF, 1.4 MB)');
      expect(announced(root)).to.equal('“Manual do colaborador” was saved.');
    });

    it('keeps a saved material when its upload fails, and says so on the file field', async () => {
      const { el, writes } = await mount({
        tab: 'materials',
        overrides: { 'PUT /api/v1/content/materials/guia-aso/file': async () => Promise.reject(new ApiError('unsupported_media_type', 415, 'no')) },
      });
      const root = panel(el);
      await click(el, $(item(root, 'guia-aso'), '[part~=edit]'));
      attach(root, '#materials-file', new File(['%PDF-1.7'], 'guia.pdf', { type: 'application/pdf' }));
      await click(el, button(root, 'Save'));
      expect(writes().map((call) => `${call.method} ${call.path}`)).to.deep.equal(['PUT /api/v1/content/materials/guia-aso', 'PUT /api/v1/content/materials/guia-aso/file?name=guia.pdf']);
      expect(errorOf(root, 'materials-file')).to.equal('The text was saved, but the upload failed: This kind of file is not accepted (images: PNG, JPEG or WebP; materials: PDF or an image).');
      expect(root.activeElement).to.equal($(root, '#materials-file'));
      attach(root, '#materials-file', new File(['hello'], 'notes.txt', { type: 'text/plain' }));
      await settle(el);
      expect(errorOf(root, 'materials-file')).to.equal('This file is not a PDF or a PNG, JPEG or WebP image.');
    });

    it('edits and deletes a material', async () => {
      const { el, writes } = await mount({ tab: 'materials' });
      const root = panel(el);
      await click(el, $(item(root, 'segunda-via-boleto'), '[part~=edit]'));
      expect($<HTMLInputElement>(root, '#materials-published').checked).to.be.true;
      fill(root, '#materials-position', 'x');
      await click(el, button(root, 'Save'));
      expect(errorOf(root, 'materials-position')).to.equal('Give a whole number from 0 to 10,000.');
      fill(root, '#materials-position', '5');
      await click(el, button(root, 'Save'));
      await click(el, $(item(root, 'tabela-precos-2026'), '[part~=delete]'));
      await click(el, $(item(root, 'tabela-precos-2026'), '[part~=confirm-delete]'));
      expect(writes()).to.deep.equal([
        {
          method: 'PUT',
          path: '/api/v1/content/materials/segunda-via-boleto',
          body: { topic: 'Financeiro', title: 'Segunda via de boleto', body: 'Em **Financeiro**, clique em “Segunda via” ao lado da cobrança.', position: 5, published: true },
        },
        { method: 'DELETE', path: '/api/v1/content/materials/tabela-precos-2026' },
      ]);
      expect(keys(root)).to.deep.equal(['guia-aso', 'como-agendar-periodicos', 'segunda-via-boleto']);
    });
  });

  describe('campaigns', () => {
    it('lists the campaigns with validity, action and interested accounts', async () => {
      const { el, data } = await mount({ tab: 'campaigns' });
      const root = panel(el);
      expect($$(root, '[part~=item] [part~=status]').map(text)).to.deep.equal(['Not started', 'Running', 'Ended']);
      const checkUp = data.campaigns.find((campaign) => campaign.key === 'check-up-executivo-15')!;
      const day = (date: string) => new Intl.DateTimeFormat('en', { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(`${date}T00:00:00Z`));
      expect(facts(item(root, checkUp.key))).to.include({
        Valid: `${day(checkUp.validFrom)} to ${day(checkUp.validUntil!)}`,
        'Call to action': '“Tenho interesse” button (opens a request)',
        'Interested accounts': '7',
        Audience: '1 account',
      });
      expect(facts(item(root, 'semana-saude-bucal'))['Call to action']).to.equal('“Saiba mais” link to https://clinicasol.example/saude-bucal');
      expect(facts(item(root, 'vacinacao-empresas-2025'))['Call to action']).to.equal('None');
      await expect(el).to.be.accessible();
    });

    it('refuses a javascript: link before sending, then creates the campaign with an https link', async () => {
      const { el, writes } = await mount({ tab: 'campaigns' });
      const root = panel(el);
      await click(el, button(root, 'New campaign'));
      fill(root, '#campaigns-title', 'Óculos de grau com 20% off');
      fill(root, '#campaigns-description', 'Para **todos** os colaboradores.');
      fill(root, '#campaigns-validFrom', '2026-06-01');
      fill(root, '#campaigns-validUntil', '2026-05-31');
      choose($(root, 'input[name=actionKind][value=link]'));
      await settle(el);
      expect($<HTMLInputElement>(root, '#campaigns-actionLabel').value).to.equal('Learn more');
      fill(root, '#campaigns-actionUrl', 'javascript:alert(1)');
      await click(el, button(root, 'Save'));
      expect(writes()).to.have.length(0);
      expect(errorOf(root, 'campaigns-validUntil')).to.equal('The last day must not be before the first.');
      expect(errorOf(root, 'campaigns-actionUrl')).to.equal('Enter an address that starts with https:// (or mailto:). Other kinds of links are not allowed.');
      expect(root.activeElement).to.equal($(root, '#campaigns-validUntil'));
      await expect(el).to.be.accessible();

      fill(root, '#campaigns-validUntil', '2026-06-30');
      fill(root, '#campaigns-actionUrl', 'https://otica.example/promo');
      await click(el, button(root, 'Save'));
      expect(writes()).to.deep.equal([
        {
          method: 'PUT',
          path: '/api/v1/content/campaigns/oculos-de-grau-com-20-off',
          body: {
            title: 'Óculos de grau com 20% off',
            description: 'Para **todos** os colaboradores.',
            validFrom: '2026-06-01',
            validUntil: '2026-06-30',
            audience: null,
            action: { kind: 'link', label: 'Learn more', url: 'https://otica.example/promo' },
          },
        },
      ]);
      expect(announced(root)).to.equal('“Óculos de grau com 20% off” was saved.');
    });

    it('edits a campaign keeping its audience (named from the accounts), and deletes another', async () => {
      const { el, writes, data, searches } = await mount({ tab: 'campaigns' });
      const root = panel(el);
      const checkUp = data.campaigns.find((campaign) => campaign.key === 'check-up-executivo-15')!;
      await click(el, $(item(root, checkUp.key), '[part~=edit]'));
      expect(searches).to.deep.equal([{}]);
      expect(text($(pickerOf(root).shadowRoot!, '.accounts'))).to.equal('Accounts chosen (1) Construtora Horizonte Ltda');
      expect($<HTMLInputElement>(root, 'input[name=actionKind][value=interest]').checked).to.be.true;
      choose($(root, 'input[name=actionKind][value=none]'));
      await settle(el);
      expect(root.querySelector('#campaigns-actionLabel')).to.be.null;
      await click(el, button(root, 'Save'));
      await click(el, $(item(root, 'vacinacao-empresas-2025'), '[part~=delete]'));
      await click(el, $(item(root, 'vacinacao-empresas-2025'), '[part~=confirm-delete]'));
      expect(writes()).to.deep.equal([
        {
          method: 'PUT',
          path: '/api/v1/content/campaigns/check-up-executivo-15',
          body: { title: checkUp.title, description: checkUp.description, validFrom: checkUp.validFrom, validUntil: checkUp.validUntil, audience: checkUp.audience, action: null },
        },
        { method: 'DELETE', path: '/api/v1/content/campaigns/vacinacao-empresas-2025' },
      ]);
      expect(facts(item(root, checkUp.key))['Call to action']).to.equal('None');
    });

    it('puts the server’s action.url refusal on the link field', async () => {
      const refusal = new ApiError('invalid_input', 400, 'Invalid json', undefined, [{ path: 'action.url', message: 'must be an https: or mailto: address' }]);
      const { el } = await mount({ tab: 'campaigns', overrides: { 'PUT /api/v1/content/campaigns/semana-saude-bucal': async () => Promise.reject(refusal) } });
      const root = panel(el);
      await click(el, $(item(root, 'semana-saude-bucal'), '[part~=edit]'));
      await click(el, button(root, 'Save'));
      expect(errorOf(root, 'campaigns-actionUrl')).to.equal('Enter an address that starts with https:// (or mailto:). Other kinds of links are not allowed.');
      expect(root.activeElement).to.equal($(root, '#campaigns-actionUrl'));
    });
  });

  describe('feedback', () => {
    it('says the summary in words: count, average, each rating with its share, the comments', async () => {
      const { el, reads } = await mount({ tab: 'feedback' });
      const root = panel(el);
      expect(reads()).to.deep.equal(['/api/v1/content/feedback/summary']);
      expect(facts($(root, '[part~=totals]'))).to.deep.equal({ Opinions: '20', 'Average rating': '4.2 of 5 ★★★★☆' });
      expect($(root, '.stars').getAttribute('aria-hidden')).to.equal('true');
      expect($$(root, '[part~=rating]').map(text)).to.deep.equal(['5 stars 10 (50%)', '4 stars 6 (30%)', '3 stars 2 (10%)', '2 stars 1 (5%)', '1 star 1 (5%)']);
      expect($$(root, '[part~=bar]').every((bar) => bar.getAttribute('aria-hidden') === 'true')).to.be.true;
      const comments = $$(root, '[part~=comment]');
      expect(comments).to.have.length(5);
      expect(text($(comments[0]!, '.comment-text'))).to.equal('Atendimento rápido e muito atencioso. A recepção resolveu tudo pelo portal.');
      expect(text($(comments[0]!, '.meta'))).to.match(/^Rated 5 of 5 Maria Oliveira /);
      expect(text($(comments[2]!, '.meta'))).to.match(/^Rated 3 of 5 Account not known /);
      await expect(el).to.be.accessible();
    });

    it('filters by period, refusing an end before the start', async () => {
      const { el, reads } = await mount({ tab: 'feedback' });
      const root = panel(el);
      fill(root, '#feedback-from', '2026-03-10');
      fill(root, '#feedback-to', '2026-03-01');
      await click(el, button(root, 'Show'));
      expect(errorOf(root, 'feedback-to')).to.equal('The end of the period must not be before its start.');
      expect(root.activeElement).to.equal($(root, '#feedback-to'));
      expect(reads()).to.have.length(1);
      await expect(el).to.be.accessible();
      fill(root, '#feedback-from', '2020-01-01');
      fill(root, '#feedback-to', '2020-01-31');
      await click(el, button(root, 'Show'));
      expect(reads()).to.deep.equal(['/api/v1/content/feedback/summary', '/api/v1/content/feedback/summary?from=2020-01-01&to=2020-01-31']);
      expect(text($(root, '[part~=empty]'))).to.equal('No opinions in this period.');
      expect(announced(root)).to.equal('Feedback updated: 0 opinions.');
      await expect(el).to.be.accessible();
    });
  });

  it('shows loading, empty and error states in every tab', async () => {
    const tabs: [ContentTab, string][] = [
      ['news', 'No news yet.'],
      ['materials', 'No materials yet.'],
      ['campaigns', 'No campaigns yet.'],
      ['feedback', 'No opinions in this period.'],
    ];
    for (const [tab, empty] of tabs) {
      const loading = await mount({ tab, state: 'loading' });
      expect($(panel(loading.el), '.list-region').getAttribute('aria-busy')).to.equal('true');
      expect(text($(panel(loading.el), '[part~=status]'))).to.equal('Loading…');
      await expect(loading.el).to.be.accessible();

      const none = await mount({ tab, state: 'empty' });
      expect(text($(panel(none.el), '[part~=empty]'))).to.equal(empty);
      expect($(panel(none.el), '.list-region').getAttribute('aria-busy')).to.equal('false');
      await expect(none.el).to.be.accessible();

      const failed = await mount({ tab, state: 'error' });
      expect(text($(panel(failed.el), '[part~=error][role=alert] p'))).to.equal('We could not reach the server. Check your connection and try again.');
      await expect(failed.el).to.be.accessible();
      await click(failed.el, button(panel(failed.el), 'Try again'));
      expect(failed.reads()).to.have.length(2);
    }
  });

  it('shows content:read staff every tab without forms or buttons that change anything', async () => {
    const { el, writes } = await mount({ me: fixtureContentMe('clinica-sol', 'read') });
    expect(text($(el.shadowRoot!, '[part~=read-only]'))).to.equal('You can see the content, but your role does not include changing it.');
    for (const tab of ['news', 'materials', 'campaigns'] as const) {
      el.tab = tab;
      await settle(el);
      const root = panel(el);
      expect($$(root, '[part~=item]').length, tab).to.be.above(0);
      expect(root.querySelector('[part~=new], [part~=edit], [part~=delete], form'), tab).to.be.null;
      await expect(el).to.be.accessible();
    }
    expect(writes()).to.have.length(0);
  });

  it('fits a 320 px phone: no sideways scrolling with a form open or on the feedback', async () => {
    const { el } = await mount({ width: 320, tab: 'campaigns' });
    await click(el, button(panel(el), 'New campaign'));
    choose($(panel(el), 'input[name=actionKind][value=link]'));
    choose($(pickerOf(panel(el)).shadowRoot!, 'input[value=some]'));
    await settle(el);
    expect(el.clientWidth).to.equal(320);
    expect(el.scrollWidth).to.be.at.most(320);
    expect(panelEl(el)!.scrollWidth).to.be.at.most(panelEl(el)!.clientWidth);
    await expect(el).to.be.accessible();
    el.tab = 'feedback';
    await settle(el);
    expect(panelEl(el)!.scrollWidth).to.be.at.most(panelEl(el)!.clientWidth);
    expect(el.scrollWidth).to.be.at.most(320);
  });

  it('moves between tabs with the arrow keys, and speaks Portuguese and Spanish', async () => {
    const { el } = await mount({ locale: 'pt-BR' });
    expect(text($(el.shadowRoot!, 'h2'))).to.equal('Conteúdo');
    expect(text($(item(panel(el), 'campanha-vacinacao-gripe-2026'), '[part~=status]'))).to.equal('Agendada');
    expect(facts(item(panel(el), 'campanha-vacinacao-gripe-2026')).Público).to.equal('2 contas');
    el.shadowRoot!.getElementById('tab-news')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.getElementById('tab-materials'));
    expect(el.shadowRoot!.getElementById('tab-materials')!.getAttribute('aria-selected')).to.equal('true');
    expect(text($(panel(el), 'h3'))).to.equal('Materiais de apoio');
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(text($(panel(el), 'h3'))).to.equal('Opinião dos clientes');
    expect(facts($(panel(el), '[part~=totals]'))['Nota média']).to.equal('4,2 de 5 ★★★★☆');
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.getElementById('tab-news'));

    const es = await mount({ locale: 'es', tab: 'campaigns', data: contentData('martins-castro'), me: fixtureContentMe('martins-castro') });
    const root = panel(es.el);
    expect(text($(root, 'h3'))).to.equal('Campañas');
    expect(facts(item(root, 'planificacion-sucesoria-gratuita'))['Llamada a la acción']).to.equal('Botón «Me interesa» (abre una solicitud)');
    await click(es.el, button(root, 'Nueva campaña'));
    expect($<HTMLInputElement>(root, '#campaigns-actionLabel').value).to.equal('Me interesa');
    await expect(es.el).to.be.accessible();
  });
});
