/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/news/portal-news.ts';
import '../../widgets/materials/portal-materials.ts';
import '../../widgets/campaigns/portal-campaigns.ts';
import '../../widgets/feedback/portal-feedback.ts';
import type { PortalNews } from '../../widgets/news/portal-news.ts';
import type { PortalMaterials } from '../../widgets/materials/portal-materials.ts';
import type { PortalFeedback } from '../../widgets/feedback/portal-feedback.ts';
import { SEARCH_DELAY_MS } from '../../widgets/materials/portal-materials.ts';
import { ApiError, HttpPortalApi, type FeedbackInput, type MaterialQuery } from '../../widgets/core/api-client.ts';
import {
  clinicaSolContent,
  fixtureNews,
  fixtureSession,
  fixtureTenant,
  memoryContent,
  provideFixtureRuntime,
  type ContentData,
  type ContentState,
  type FixtureApi,
} from '../../widgets/core/fixtures.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import type * as Server from '../../server/features/content/schemas.ts';
import type { z } from 'zod';
import { jsonAnswer, recordFetch } from './fetch-recorder.ts';

// The feedback the widget sends is the server's input: this fails the type-check if they stop matching.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrorsServer: Same<FeedbackInput, z.input<typeof Server.feedbackInput>> = true;
void mirrorsServer;

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];
type Who = 'client' | 'quick-access' | 'signed-out';
type Tag = 'portal-news' | 'portal-materials' | 'portal-campaigns' | 'portal-feedback';

async function mount<T extends Tag>(
  tag: T,
  options: { who?: Who; locale?: Locale; state?: ContentState; data?: ContentData; auth?: Calls; width?: number } = {},
) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`max-width: ${options.width ?? 720}px`}></div>`);
  const who = options.who ?? 'client';
  const data = options.data ?? clinicaSolContent();
  const provided = provideFixtureRuntime(wrapper, { tenant: fixtureTenant() }, {
    locale: options.locale ?? 'en',
    auth: { ...(who === 'client' ? { refresh: async () => fixtureSession() } : {}), ...memoryContent(data, { state: options.state }), ...options.auth },
  });
  const el = document.createElement(tag) as HTMLElementTagNameMap[T];
  const navigated: [string, string][] = [];
  if ('navigate' in el) (el as PortalMaterials).navigate = (url, name) => void navigated.push([url, name]);
  wrapper.append(el);
  await provided.loaded;
  if (who === 'quick-access') provided.runtime.runtime.quickAccessOpened({ accessToken: 'fixture.process.token', expiresIn: 900, processId: 'p1' });
  await settle(el);
  return { el, data, navigated, ...provided, api: provided.api as FixtureApi };
}

async function settle(el: { updateComplete: Promise<boolean> }) {
  for (let i = 0; i < 8; i++) {
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const root = (el: Element) => el.shadowRoot!;
const norm = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const text = (el: Element) => norm(root(el).textContent);
const button = (el: Element, label: string) => [...root(el).querySelectorAll('button')].find((b) => norm(b.textContent).includes(label))!;
const calls = (api: FixtureApi, name: string) => api.log.filter((c) => c.name === name);
const active = (el: Element) => root(el).activeElement;
/** The words a screen reader gets from `node`: its text without what is hidden from it. */
function readable(node: Element): string {
  const copy = node.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden=true]')) hidden.remove();
  return norm(copy.textContent);
}

describe('<portal-news>', () => {
  const items = (el: PortalNews) => [...root(el).querySelectorAll<HTMLElement>('[part~=item]')];

  it('asks a signed-out visitor to sign in, and asks the server nothing', async () => {
    const { el, api } = await mount('portal-news', { who: 'signed-out' });
    expect(text(el)).to.contain('Sign in to see the news.');
    expect(calls(api, 'listNews')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows loading, then an error with retry, and an empty state', async () => {
    const loading = await mount('portal-news', { state: 'loading' });
    expect(root(loading.el).querySelector('.loading[role=status]')!.textContent).to.contain('Loading…');
    await expect(loading.el).to.be.accessible();

    let fail = true;
    const calls_ = memoryContent();
    const { el } = await mount('portal-news', {
      auth: { listNews: (token, options) => (fail ? Promise.reject(new ApiError('network_error', 0, 'down')) : calls_.listNews(token, options)) },
    });
    expect(root(el).querySelector('[part~=error][role=alert]')!.textContent).to.contain('We could not reach the portal.');
    await expect(el).to.be.accessible();
    fail = false;
    button(el, 'Try again').click();
    await settle(el);
    expect(items(el)).to.have.length(2);

    const empty = await mount('portal-news', { state: 'empty' });
    expect(root(empty.el).querySelector('[part~=empty]')!.textContent).to.contain('No news yet. When Clínica Sol publishes news');
    await expect(empty.el).to.be.accessible();
  });

  it('C1: lists newest first, marks the unread one (a dot and “New” read out) and counts it in the heading', async () => {
    const { el, api } = await mount('portal-news');
    expect(calls(api, 'listNews')[0]!.args.slice(0, 2)).to.deep.equal(['fixture.access.token', {}]);
    expect(items(el).map((i) => norm(i.querySelector('h3')!.textContent))).to.deep.equal(['New: Nova unidade na Savassi', 'Horário de fim de ano']);
    const [unread, read] = items(el);
    expect(unread!.hasAttribute('data-unread')).to.be.true;
    expect(unread!.querySelector('[part~=dot]')!.getAttribute('aria-hidden')).to.equal('true');
    expect(unread!.querySelector('.visually-hidden')!.textContent).to.contain('New');
    expect(read!.querySelector('[part~=dot]')).to.be.null;
    expect(norm(root(el).querySelector('h2')!.textContent)).to.equal('News1 new');
    const img = unread!.querySelector('img')!;
    expect([img.getAttribute('alt'), img.getAttribute('loading'), img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['', 'lazy', '192', '108']);
    expect(img.src).to.match(/^data:image\/svg\+xml,/);
    expect(text(el)).to.contain('Published Nov 20, 2026');
    await expect(el).to.be.accessible();
  });

  it('shows more by `next`, moving focus to the first new item', async () => {
    const { el, api } = await mount('portal-news');
    button(el, 'Show more news').click();
    await settle(el);
    expect(calls(api, 'listNews')[1]!.args[1]).to.deep.equal({ before: '2' });
    expect(items(el)).to.have.length(3);
    expect(root(el).querySelector('[part~=more]')).to.be.null;
    expect(norm(active(el)?.textContent)).to.equal('Conheça o Portal do Cliente');
  });

  it('opens the full article (title focused, date, image, rich body), marks it read, and Back restores focus to the item', async () => {
    const { el, api } = await mount('portal-news');
    items(el)[0]!.querySelector<HTMLButtonElement>('[part~=open]')!.click();
    await settle(el);
    expect(calls(api, 'getNews')[0]!.args.slice(0, 2)).to.deep.equal(['fixture.access.token', 'news-savassi']);
    const article = root(el).querySelector('[part~=article]')!;
    expect(article.querySelector('h2')!.textContent).to.equal('Nova unidade na Savassi');
    expect(active(el) === article.querySelector('h2'), 'focus').to.be.true;
    expect(article.querySelector('img')!.getAttribute('alt')).to.equal('');
    expect(article.querySelector('[part~=body] strong')!.textContent).to.equal('1º de dezembro');
    const link = article.querySelector<HTMLAnchorElement>('[part~=body] a')!;
    expect([link.target, link.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
    await expect(el).to.be.accessible();
    button(el, 'Back to news').click();
    await settle(el);
    expect(norm(active(el)?.textContent)).to.equal('Nova unidade na Savassi');
    expect(items(el)[0]!.hasAttribute('data-unread')).to.be.false;
    expect(root(el).querySelector('[part~=count]')).to.be.null;
  });

  it('A8: a quick-access session reads the news with its token, nothing marked unread', async () => {
    const { el, api } = await mount('portal-news', { who: 'quick-access' });
    expect(calls(api, 'listNews').at(-1)!.args[0]).to.equal('fixture.process.token');
    expect(items(el)).to.have.length(2);
    expect(root(el).querySelector('[data-unread], [part~=count]')).to.be.null;
    items(el)[1]!.querySelector<HTMLButtonElement>('[part~=open]')!.click();
    await settle(el);
    expect(calls(api, 'getNews')[0]!.args[0]).to.equal('fixture.process.token');
    expect(text(el)).to.contain('Entre 24 de dezembro');
    await expect(el).to.be.accessible();
  });

  it('never renders a body’s markup: an <img onerror> in the text shows as text', async () => {
    const data = clinicaSolContent();
    const attack = '<img src=x onerror="window.__pwned = true">';
    data.news = [fixtureNews({ id: 'x', title: attack, summary: attack, body: [{ type: 'paragraph', children: [{ type: 'text', text: attack }] }] })];
    const { el } = await mount('portal-news', { data });
    expect(text(el)).to.contain(attack);
    button(el, attack).click();
    await settle(el);
    expect(root(el).querySelector('[part~=body]')!.textContent).to.contain(attack);
    expect(root(el).querySelector('img[src=x]')).to.be.null;
    expect((window as { __pwned?: boolean }).__pwned).to.be.undefined;
  });

  it('speaks Spanish and Portuguese', async () => {
    const es = await mount('portal-news', { locale: 'es' });
    expect(norm(root(es.el).querySelector('h2')!.textContent)).to.equal('Novedades1 nueva');
    expect(text(es.el)).to.contain('Mostrar más novedades');
    const pt = await mount('portal-news', { locale: 'pt-BR', who: 'signed-out' });
    expect(text(pt.el)).to.contain('Entre para ver as novidades.');
  });

  it('fits a 320 px wide phone', async () => {
    const { el } = await mount('portal-news', { width: 320 });
    const base = root(el).querySelector<HTMLElement>('[part=base]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(el).to.be.accessible();
  });
});

describe('<portal-materials>', () => {
  const titles = (el: PortalMaterials) => [...root(el).querySelectorAll('[part~=material] h4')].map(readable);
  const lastQuery = (api: FixtureApi) => calls(api, 'listMaterials').at(-1)!.args[1] as MaterialQuery;
  async function type(el: PortalMaterials, value: string) {
    const input = root(el).querySelector<HTMLInputElement>('input[name=q]')!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  it('asks a signed-out visitor and a quick-access session to sign in', async () => {
    for (const who of ['signed-out', 'quick-access'] as const) {
      const { el, api } = await mount('portal-materials', { who });
      expect(text(el)).to.contain('Sign in to see the support materials.');
      expect(calls(api, 'listMaterials')).to.have.length(0);
      await expect(el).to.be.accessible();
    }
  });

  it('C2: groups materials under their topics, an article as a disclosure, a file with its name, kind and size', async () => {
    const { el, api } = await mount('portal-materials');
    expect(lastQuery(api)).to.deep.equal({});
    expect([...root(el).querySelectorAll('[part~=topic] h3')].map((h) => h.textContent)).to.deep.equal(['Primeiros passos', 'Saúde ocupacional']);
    expect(titles(el)).to.deep.equal(['Como usar o Portal do Cliente', 'Guia do PCMSO 2026', 'Exame admissional: como se preparar']);
    const toggle = root(el).querySelector<HTMLButtonElement>('[part~=toggle]')!;
    const article = root(el).getElementById(toggle.getAttribute('aria-controls')!)!;
    expect([toggle.getAttribute('aria-expanded'), article.hidden]).to.deep.equal(['false', true]);
    await expect(el).to.be.accessible();
    toggle.click();
    await settle(el);
    expect([toggle.getAttribute('aria-expanded'), article.hidden]).to.deep.equal(['true', false]);
    expect(article.textContent).to.contain('Neste artigo explicamos');
    expect(norm(root(el).querySelector('[data-id=mat-pcmso] [part~=file]')!.textContent)).to.contain('guia-pcmso-2026.pdf').and.contain('PDF · 482 kB');
    expect([...root(el).querySelectorAll('select[name=topic] option')].map((o) => o.textContent)).to.deep.equal(['All topics', 'Primeiros passos', 'Saúde ocupacional']);
    await expect(el).to.be.accessible();
  });

  it('searches with `q` once typing pauses, at once on Enter, and narrows by topic', async () => {
    const { el, api } = await mount('portal-materials');
    await type(el, '  pcmso ');
    await sleep(SEARCH_DELAY_MS / 2);
    expect(calls(api, 'listMaterials')).to.have.length(1);
    await sleep(SEARCH_DELAY_MS);
    await settle(el);
    expect(lastQuery(api)).to.deep.equal({ q: 'pcmso' });
    expect(titles(el)).to.deep.equal(['Guia do PCMSO 2026']);
    expect(root(el).querySelector('[part~=count]')!.textContent).to.equal('1 material found');
    await type(el, 'jejum');
    root(el).querySelector<HTMLFormElement>('[part~=filters]')!.requestSubmit();
    await settle(el);
    expect(lastQuery(api)).to.deep.equal({ q: 'jejum' });
    const select = root(el).querySelector<HTMLSelectElement>('select[name=topic]')!;
    select.value = 'Saúde ocupacional';
    setTimeout(() => select.dispatchEvent(new Event('change', { bubbles: true })));
    await oneEvent(el, 'change');
    await settle(el);
    expect(lastQuery(api)).to.deep.equal({ q: 'jejum', topic: 'Saúde ocupacional' });
    expect(el.topic).to.equal('Saúde ocupacional');
    await expect(el).to.be.accessible();
  });

  it('says when a search finds nothing, and shows everything again', async () => {
    const { el, api } = await mount('portal-materials');
    await type(el, 'zzz');
    root(el).querySelector<HTMLFormElement>('[part~=filters]')!.requestSubmit();
    await settle(el);
    expect(root(el).querySelector('[part~=empty]')!.textContent).to.contain('No materials match “zzz”.');
    await expect(el).to.be.accessible();
    button(el, 'Show all materials').click();
    await settle(el);
    expect(lastQuery(api)).to.deep.equal({});
    expect(titles(el)).to.have.length(3);
    expect(active(el) === root(el).querySelector('input[name=q]'), 'focus').to.be.true;
  });

  it('says when nothing is published yet, and fails with a retry', async () => {
    const empty = await mount('portal-materials', { state: 'empty' });
    expect(root(empty.el).querySelector('[part~=empty]')!.textContent).to.contain('No support materials yet.');
    await expect(empty.el).to.be.accessible();
    const failed = await mount('portal-materials', { state: 'error' });
    expect(root(failed.el).querySelector('[part~=error]')!.textContent).to.contain('Something went wrong');
    expect(button(failed.el, 'Try again')).to.exist;
    await expect(failed.el).to.be.accessible();
  });

  it('downloads a file with the token and hands it over as a blob, named as the file', async () => {
    const { el, api, navigated } = await mount('portal-materials');
    const download = root(el).querySelector<HTMLButtonElement>('[data-id=mat-pcmso] [part~=download]')!;
    expect(norm(download.textContent)).to.equal('Download Guia do PCMSO 2026');
    download.click();
    await settle(el);
    expect(calls(api, 'downloadMaterial')[0]!.args).to.deep.equal(['fixture.access.token', 'mat-pcmso', 'guia-pcmso-2026.pdf']);
    expect(navigated).to.have.length(1);
    expect(navigated[0]![0]).to.match(/^blob:/);
    expect(navigated[0]![1]).to.equal('guia-pcmso-2026.pdf');
    expect(root(el).querySelector('[part~=status][role=status]')!.textContent).to.contain('Download started: Guia do PCMSO 2026.');
  });

  it('translates a failed download beside the material', async () => {
    const { el } = await mount('portal-materials', { auth: { downloadMaterial: () => Promise.reject(new ApiError('not_found', 404, 'gone')) } });
    root(el).querySelector<HTMLButtonElement>('[data-id=mat-pcmso] [part~=download]')!.click();
    await settle(el);
    expect(root(el).querySelector('[data-id=mat-pcmso] [part~=error]')!.textContent).to.contain('no longer available');
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px wide phone, in Spanish', async () => {
    const { el } = await mount('portal-materials', { width: 320, locale: 'es' });
    expect(text(el)).to.contain('Materiales de apoyo').and.contain('Todos los temas').and.contain('Descargar');
    const base = root(el).querySelector<HTMLElement>('[part=base]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(el).to.be.accessible();
  });
});

describe('<portal-campaigns>', () => {
  const card = (el: Element, id: string) => root(el).querySelector<HTMLElement>(`[part~=campaign][data-id=${id}]`)!;

  it('asks a signed-out visitor to sign in; loading, empty and error states', async () => {
    const signedOut = await mount('portal-campaigns', { who: 'signed-out' });
    expect(text(signedOut.el)).to.contain('Sign in to see the benefits');
    await expect(signedOut.el).to.be.accessible();
    const loading = await mount('portal-campaigns', { state: 'loading' });
    expect(root(loading.el).querySelector('.loading')).to.exist;
    await expect(loading.el).to.be.accessible();
    const empty = await mount('portal-campaigns', { state: 'empty' });
    expect(root(empty.el).querySelector('[part~=empty]')!.textContent).to.contain('No campaigns right now.');
    await expect(empty.el).to.be.accessible();
    const failed = await mount('portal-campaigns', { state: 'error' });
    expect(root(failed.el).querySelector('[part~=error]')).to.exist;
    await expect(failed.el).to.be.accessible();
  });

  it('C3: cards with image, title, validity, rich description and the call to action', async () => {
    const { el } = await mount('portal-campaigns');
    const checkup = card(el, 'camp-checkup');
    expect(checkup.querySelector('h3')!.textContent).to.equal('Check-up anual com 20% de desconto');
    expect(checkup.querySelector('[part~=validity]')!.textContent).to.match(/^Until Dec 31/);
    expect(checkup.querySelector('[part~=description] strong')!.textContent).to.equal('até o fim do ano');
    const img = checkup.querySelector('img')!;
    expect([img.alt, img.loading, img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['', 'lazy', '640', '360']);
    expect(card(el, 'camp-gym').querySelector('[part~=validity]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('a link action opens in a new tab without handing it the page', async () => {
    const { el } = await mount('portal-campaigns');
    const link = card(el, 'camp-gym').querySelector<HTMLAnchorElement>('a[part~=action]')!;
    expect([link.href, link.target, link.rel]).to.deep.equal(['https://www.academiamovimento.example/clinica-sol', '_blank', 'noopener noreferrer']);
    expect(norm(link.textContent)).to.equal('Conhecer a parceria (opens in a new tab)');
  });

  it('drops a link action that is not https or mailto', async () => {
    const data = clinicaSolContent();
    data.campaigns[1]!.action = { kind: 'link', label: 'Go', url: 'javascript:alert(1)' };
    const { el } = await mount('portal-campaigns', { data });
    expect(card(el, 'camp-gym').querySelector('a')).to.be.null;
  });

  it('“I’m interested” posts once, then says so and follows the request', async () => {
    const { el, api } = await mount('portal-campaigns');
    const action = card(el, 'camp-checkup').querySelector<HTMLButtonElement>('button[part~=action]')!;
    expect(norm(action.textContent)).to.equal('Tenho interesse: Check-up anual com 20% de desconto');
    action.click();
    action.click();
    await settle(el);
    expect(calls(api, 'campaignInterest').map((c) => c.args)).to.deep.equal([['fixture.access.token', 'camp-checkup']]);
    expect(card(el, 'camp-checkup').querySelector('[part~=interest]')!.textContent).to.contain('We got your interest.');
    const follow = card(el, 'camp-checkup').querySelector<HTMLButtonElement>('[part~=follow]')!;
    expect(active(el) === follow, 'focus').to.be.true;
    expect(card(el, 'camp-checkup').querySelector('button[part~=action]')).to.be.null;
    await expect(el).to.be.accessible();
    setTimeout(() => follow.click());
    const event = await oneEvent(el, 'portal-request-open');
    expect([event.detail, event.bubbles, event.composed, event.cancelable]).to.deep.equal([{ id: 'r-interest-camp-checkup' }, true, true, true]);
    await settle(el);
    expect(root(el).querySelector('[part~=status]')!.textContent).to.contain('You can follow it under Requests.');
  });

  it('an interest already sent shows “follow” at once', async () => {
    const data = clinicaSolContent();
    data.campaigns[0]!.action = { kind: 'interest', label: 'Tenho interesse', requestId: 'r-old' };
    const { el } = await mount('portal-campaigns', { data, locale: 'es' });
    expect(card(el, 'camp-checkup').querySelector('[part~=interest]')!.textContent).to.contain('Hemos recibido su interés.');
    expect(card(el, 'camp-checkup').querySelector('[part~=validity]')!.textContent).to.match(/^Hasta el 31 dic/);
  });

  it('a failed interest is said on the card, and can be tried again', async () => {
    const { el, api } = await mount('portal-campaigns', { auth: { campaignInterest: () => Promise.reject(new ApiError('network_error', 0, 'down')) } });
    card(el, 'camp-checkup').querySelector<HTMLButtonElement>('button[part~=action]')!.click();
    await settle(el);
    expect(card(el, 'camp-checkup').querySelector('[part~=error]')!.textContent).to.contain('could not reach');
    expect(card(el, 'camp-checkup').querySelector('button[part~=action]')).to.exist;
    expect(calls(api, 'campaignInterest')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('never renders a description’s markup', async () => {
    const data = clinicaSolContent();
    data.campaigns[0]!.description = [{ type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] }];
    const { el } = await mount('portal-campaigns', { data });
    expect(card(el, 'camp-checkup').querySelector('[part~=description]')!.textContent).to.contain('<img src=x onerror=alert(1)>');
    expect(root(el).querySelector('img[src=x]')).to.be.null;
  });

  it('fits a 320 px wide phone', async () => {
    const { el } = await mount('portal-campaigns', { width: 320 });
    const base = root(el).querySelector<HTMLElement>('[part=base]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(el).to.be.accessible();
  });
});

describe('<portal-feedback>', () => {
  const dialog = (el: PortalFeedback) => root(el).querySelector('dialog')!;
  const trigger = (el: PortalFeedback) => root(el).querySelector<HTMLButtonElement>('[part~=button]')!;
  async function open(el: PortalFeedback) {
    trigger(el).focus();
    trigger(el).click();
    await settle(el);
  }

  it('is not there when signed out', async () => {
    const { el } = await mount('portal-feedback', { who: 'signed-out' });
    expect(root(el).querySelector('button, dialog')).to.be.null;
  });

  it('C4: opens a labelled modal dialog, Escape closes it and focus returns to the button', async () => {
    const { el } = await mount('portal-feedback');
    expect(norm(trigger(el).textContent)).to.equal('☆ Give us your opinion');
    await expect(el).to.be.accessible();
    await open(el);
    expect(dialog(el).open).to.be.true;
    expect(dialog(el).matches(':modal')).to.be.true;
    expect(root(el).getElementById(dialog(el).getAttribute('aria-labelledby')!)!.textContent).to.equal('Give us your opinion');
    const radios = [...root(el).querySelectorAll<HTMLInputElement>('input[name=rating]')];
    expect(radios.map((r) => readable(r.closest('label')!))).to.deep.equal(['1 of 5', '2 of 5', '3 of 5', '4 of 5', '5 of 5']);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialog(el).open).to.be.false;
    expect(active(el) === trigger(el), 'focus').to.be.true;
  });

  it('rates with the keyboard, sends the rating and comment, and thanks', async () => {
    const { el, data, api } = await mount('portal-feedback');
    await open(el);
    // The first star has the focus; arrows move along the radio group.
    expect(active(el) === root(el).querySelector('input[name=rating][value="1"]'), 'focus').to.be.true;
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(root(el).querySelector<HTMLInputElement>('input[name=rating]:checked')!.value).to.equal('4');
    expect(root(el).querySelectorAll('.star[data-on]')).to.have.length(4);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '  Muito prático, obrigado!  ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(calls(api, 'sendFeedback')[0]!.args).to.deep.equal(['fixture.access.token', { rating: 4, comment: 'Muito prático, obrigado!' }]);
    expect(data.feedback).to.deep.equal([{ rating: 4, comment: 'Muito prático, obrigado!' }]);
    expect(root(el).querySelector('[part~=thanks]')!.textContent).to.contain('Thank you!');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(dialog(el).open).to.be.false;
    expect(active(el) === trigger(el), 'focus').to.be.true;
    // Opened again, it starts afresh.
    await open(el);
    expect(root(el).querySelector('[part~=form]')).to.exist;
    expect(root(el).querySelector('input[name=rating]:checked')).to.be.null;
  });

  it('asks for a rating first, sends no comment when there is none, and shows errors in the dialog', async () => {
    let fail = true;
    const sent: unknown[] = [];
    const { el } = await mount('portal-feedback', {
      who: 'quick-access',
      auth: { sendFeedback: async (...args) => (sent.push(args), fail ? Promise.reject(new ApiError('network_error', 0, 'down')) : { requestId: 'r9' }) },
    });
    await open(el);
    button(el, 'Send').click();
    await settle(el);
    expect(root(el).querySelector('dialog [part~=error][role=alert]')!.textContent).to.equal('Choose a rating from 1 to 5.');
    expect(sent).to.have.length(0);
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLInputElement>('input[value="5"]')!.click();
    await settle(el);
    button(el, 'Send').click();
    await settle(el);
    expect(sent).to.deep.equal([['fixture.process.token', { rating: 5 }]]);
    expect(root(el).querySelector('dialog [part~=error]')!.textContent).to.contain('could not reach');
    expect(dialog(el).open).to.be.true;
    fail = false;
    setTimeout(() => button(el, 'Send').click());
    const event = await oneEvent(el, 'portal-feedback-sent');
    expect(event.detail).to.deep.equal({ requestId: 'r9' });
  });

  it('speaks Spanish with “usted”', async () => {
    const { el } = await mount('portal-feedback', { locale: 'es' });
    expect(norm(trigger(el).textContent)).to.contain('Denos su opinión');
    await open(el);
    expect(text(el)).to.contain('¿Cómo valora el portal?').and.contain('3 de 5');
  });

  it('fits a 320 px wide phone', async () => {
    const { el } = await mount('portal-feedback', { width: 320 });
    await open(el);
    const box = dialog(el).getBoundingClientRect();
    expect(box.width).to.be.at.most(window.innerWidth);
    expect(dialog(el).scrollWidth).to.be.at.most(dialog(el).clientWidth);
  });
});

describe('HttpPortalApi: content calls', () => {
  const api = new HttpPortalApi('https://portal.example.com/', 'clinica-sol');
  const http = recordFetch();
  const json = jsonAnswer;

  it('lists news with the cursor and reads one, with the token and the tenant', async () => {
    http.answer = json({ items: [], next: null, unread: 0 });
    await api.listNews('tok', {});
    await api.listNews('tok', { before: 'cursor-0001', limit: 5 });
    expect(http.sent.map((s) => s.url)).to.deep.equal(['https://portal.example.com/api/portal/news', 'https://portal.example.com/api/portal/news?before=cursor-0001&limit=5']);
    expect(http.sent[0]!.headers).to.include({ Authorization: 'Bearer tok', 'X-Portal-Tenant': 'clinica-sol' });
    http.answer = json({ id: 'n 1' });
    await api.getNews('tok', 'n 1');
    expect(http.sent[2]!.url).to.equal('https://portal.example.com/api/portal/news/n%201');
  });

  it('searches materials with q and topic, and downloads a file named as the server names it', async () => {
    http.answer = json({ topics: [], items: [] });
    await api.listMaterials('tok', { q: 'pcmso', topic: 'Saúde ocupacional' });
    await api.listMaterials('tok', {});
    expect(http.sent.map((s) => s.url)).to.deep.equal([
      'https://portal.example.com/api/portal/materials?q=pcmso&topic=Sa%C3%BAde+ocupacional',
      'https://portal.example.com/api/portal/materials',
    ]);
    http.answer = () => new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), { headers: { 'Content-Disposition': `attachment; filename*=UTF-8''Guia%20PCMSO.pdf` } });
    const file = await api.downloadMaterial('tok', 'm1', 'fallback.pdf');
    expect(http.sent[2]!.url).to.equal('https://portal.example.com/api/portal/materials/m1/file');
    expect([file.name, file.type]).to.deep.equal(['Guia PCMSO.pdf', 'application/pdf']);
    http.answer = json({ code: 'not_found', detail: 'No such file' }, 404);
    expect(((await api.downloadMaterial('tok', 'm1').catch((e: ApiError) => e)) as ApiError).code).to.equal('not_found');
  });

  it('lists campaigns, posts interest and feedback as JSON', async () => {
    http.answer = json({ items: [] });
    await api.listCampaigns('tok');
    http.answer = json({ requestId: 'r1' }, 201);
    expect(await api.campaignInterest('tok', 'c1')).to.deep.equal({ requestId: 'r1' });
    expect(await api.sendFeedback('qa-tok', { rating: 4, comment: 'Bom' })).to.deep.equal({ requestId: 'r1' });
    expect(http.sent.map((s) => [s.method, s.url, s.body])).to.deep.equal([
      ['GET', 'https://portal.example.com/api/portal/campaigns', undefined],
      ['POST', 'https://portal.example.com/api/portal/campaigns/c1/interest', {}],
      ['POST', 'https://portal.example.com/api/portal/feedback', { rating: 4, comment: 'Bom' }],
    ]);
    expect(http.sent[2]!.headers).to.include({ Authorization: 'Bearer qa-tok', 'Content-Type': 'application/json' });
    http.answer = json({ code: 'invalid_input', detail: 'bad', errors: [{ path: 'rating', message: 'too big' }] }, 400);
    const error = (await api.sendFeedback('tok', { rating: 9 }).catch((e: ApiError) => e)) as ApiError;
    expect([error.code, error.fields]).to.deep.equal(['invalid_input', [{ path: 'rating', message: 'too big' }]]);
  });
});
