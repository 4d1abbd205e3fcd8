/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/process-tracker/portal-process-tracker.ts';
import '../../widgets/requests/portal-requests.ts';
import type { PortalProcessTracker } from '../../widgets/process-tracker/portal-process-tracker.ts';
import { ApiError, HttpPortalApi, type RequestDraft } from '../../widgets/core/api-client.ts';
import { fixtureSession, fixtureTenant, martinsCastroProcesses, memoryProcesses, provideFixtureRuntime, type FixtureApi } from '../../widgets/core/fixtures.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { jsonAnswer, recordFetch } from './fetch-recorder.ts';

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];
type Who = 'client' | 'one-account' | 'quick-access' | 'signed-out';

const LUCIA = fixtureSession({
  user: { id: 'u-lucia', email: 'lucia.ortega@example.com', locale: null },
  accounts: [
    { id: 'a1', name: 'Lucía Ortega', kind: 'person', establishments: 'all' },
    { id: 'a2', name: 'Mateo Ortega Silva', kind: 'person', establishments: 'all' },
  ],
  accountId: null,
});
const TENANT = fixtureTenant({ slug: 'martins-castro', name: 'Martins Castro', locale: 'es', currency: 'EUR', timeZone: 'Europe/Madrid' });

/** Only Lucía's own process (a single-process client). */
function onlyNationality(): Calls {
  const data = martinsCastroProcesses();
  data.processes = data.processes.slice(0, 1);
  return memoryProcesses(data);
}

async function mount(options: { who?: Who; locale?: Locale; auth?: Calls; width?: number; withRequests?: boolean; process?: string } = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`max-width: ${options.width ?? 720}px`}></div>`);
  const who = options.who ?? 'client';
  const session = who === 'one-account' ? { ...LUCIA, accounts: LUCIA.accounts!.slice(0, 1), accountId: 'a1' } : LUCIA;
  const signIn = who === 'client' || who === 'one-account' ? { refresh: async () => session } : {};
  const provided = provideFixtureRuntime(wrapper, { tenant: TENANT }, { locale: options.locale ?? 'en', auth: { ...signIn, ...options.auth } });
  const el = document.createElement('portal-process-tracker');
  if (options.process) el.process = options.process;
  wrapper.append(el);
  const requests = options.withRequests ? wrapper.appendChild(document.createElement('portal-requests')) : undefined;
  await provided.loaded;
  if (who === 'quick-access') provided.runtime.runtime.quickAccessOpened({ accessToken: 'fixture.process.token', expiresIn: 900, processId: 'p1' });
  await settle(el);
  return { el, requests, ...provided, api: provided.api as FixtureApi };
}

async function settle(el: { updateComplete: Promise<boolean> }) {
  for (let i = 0; i < 8; i++) {
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
  }
}
const root = (el: PortalProcessTracker) => el.shadowRoot!;
/** Text with runs of white space (Intl's no-break spaces too) as one space. */
const norm = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const text = (el: PortalProcessTracker) => norm(root(el).textContent);
const part = (el: PortalProcessTracker, name: string) => root(el).querySelector<HTMLElement>(`[part~=${name}]`);
const parts = (el: PortalProcessTracker, name: string) => [...root(el).querySelectorAll<HTMLElement>(`[part~=${name}]`)];
const button = (el: PortalProcessTracker, label: string) => [...root(el).querySelectorAll('button')].find((b) => norm(b.textContent).includes(label));
const calls = (api: FixtureApi, name: string) => api.log.filter((c) => c.name === name);
const reference = (el: PortalProcessTracker, label: string) => parts(el, 'reference').find((r) => r.querySelector('dt')!.textContent === label)!;
const heading = (el: PortalProcessTracker) => norm(root(el).querySelector('h2')?.textContent);

async function choose(el: PortalProcessTracker, id: string) {
  const select = root(el).querySelector<HTMLSelectElement>('select[name=process]')!;
  select.value = id;
  select.dispatchEvent(new Event('change'));
  await settle(el);
}

/** Runs `work` with `navigator.clipboard` replaced. */
async function withClipboard(clipboard: { writeText(text: string): Promise<void> } | undefined, work: () => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  try {
    await work();
  } finally {
    delete (navigator as { clipboard?: unknown }).clipboard;
  }
}

describe('<portal-process-tracker>', () => {
  it('asks a signed-out visitor to sign in, and asks the server nothing', async () => {
    const { el, api } = await mount({ who: 'signed-out' });
    expect(text(el)).to.contain('Sign in to follow your processes.');
    expect(calls(api, 'listProcesses').length + calls(api, 'getProcess').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows a progress indicator while the list loads, and while a process loads', async () => {
    const { el } = await mount({ auth: { listProcesses: () => new Promise(() => {}) } });
    expect(root(el).querySelector('progress')).to.exist;
    expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
    expect(text(el)).to.contain('Loading…');
    await expect(el).to.be.accessible();
    const { el: opening } = await mount({ auth: { getProcess: () => new Promise(() => {}) } });
    expect(root(opening).querySelector('select[name=process]')).to.exist;
    expect(root(opening).querySelector('progress')).to.exist;
    await expect(opening).to.be.accessible();
  });

  it('says so when the client has no processes yet', async () => {
    const { el, api } = await mount({ locale: 'es', auth: { listProcesses: async () => ({ items: [] }) } });
    expect(part(el, 'empty')!.textContent).to.contain('Aún no hay expedientes.');
    expect(calls(api, 'getProcess').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('T1–T2: one process: no choice; its title, kind, and where it is, announced "Phase 4 of 7: name"', async () => {
    const { el } = await mount({ who: 'one-account', auth: onlyNationality() });
    expect(root(el).querySelector('select')?.outerHTML).to.equal(undefined);
    expect(heading(el)).to.equal('Nacionalidad española por residencia');
    expect(part(el, 'kind')!.textContent).to.equal('Nacionalidad');
    expect(norm(part(el, 'header')!.textContent)).not.to.contain('Lucía Ortega', 'one account: not named');
    const label = part(el, 'progress-label')!;
    expect(norm(label.textContent)).to.equal('Phase 4 of 7: Under review by the Ministry');
    const list = part(el, 'phases')!;
    expect(list.tagName).to.equal('OL');
    const phases = [...list.children] as HTMLElement[];
    expect(phases.length).to.equal(7);
    expect(phases.map((p) => p.getAttribute('aria-current'))).to.deep.equal([null, null, null, 'step', null, null, null]);
    // Not by colour alone: a mark and a word for each state.
    expect(phases.map((p) => p.querySelector('.marker')!.textContent)).to.deep.equal(['✓', '✓', '✓', '4', '5', '6', '7']);
    expect(norm(phases[0]!.textContent)).to.contain('Completed');
    expect(norm(phases[3]!.querySelector('.state')!.textContent)).to.equal('Current phase');
    expect(norm(phases[6]!.textContent)).to.contain('Upcoming');
    expect([...part(el, 'bar')!.children].map((s) => s.getAttribute('data-state'))).to.deep.equal(['done', 'done', 'done', 'current', 'upcoming', 'upcoming', 'upcoming']);
    expect(part(el, 'bar')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('T2: shows the current phase’s description and opens the others’ by keyboard', async () => {
    const { el } = await mount({ who: 'one-account', auth: onlyNationality() });
    const [first, , , current] = [...part(el, 'phases')!.children] as HTMLElement[];
    expect(current!.querySelector<HTMLElement>('[part~=phase-description]')!.hidden).to.equal(false);
    expect(current!.textContent).to.contain('El Ministerio examina el expediente');
    expect(norm(current!.textContent)).to.contain('Since Jul 1, 2026');
    const toggle = first!.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    const description = root(el).getElementById(toggle.getAttribute('aria-controls')!)!;
    expect([toggle.getAttribute('aria-expanded'), description.hidden]).to.deep.equal(['false', true]);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect([toggle.getAttribute('aria-expanded'), description.hidden]).to.deep.equal(['true', false]);
    expect(description.textContent).to.contain('Reunimos con usted el pasaporte');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(description.hidden).to.equal(true);
  });

  it('T1: two processes: a choice naming each account; switching loads the other and keeps the choice', async () => {
    const { el, api } = await mount();
    const select = root(el).querySelector<HTMLSelectElement>('select[name=process]')!;
    expect(select.labels![0]!.textContent).to.contain('Process');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal([
      'Nacionalidad española por residencia — Lucía Ortega',
      'Renovación de la tarjeta de residencia — Mateo Ortega Silva',
    ]);
    expect(select.value).to.equal('p1');
    expect(calls(api, 'getProcess').map((c) => c.args[1])).to.deep.equal(['p1']);
    expect(norm(part(el, 'header')!.textContent)).to.contain('Lucía Ortega');
    await expect(el).to.be.accessible();
    const changed = oneEvent(el, 'change');
    await choose(el, 'p2');
    await changed;
    expect(el.process).to.equal('p2');
    expect(el.getAttribute('process')).to.equal('p2');
    expect(calls(api, 'getProcess').map((c) => c.args[1])).to.deep.equal(['p1', 'p2']);
    expect(heading(el)).to.equal('Renovación de la tarjeta de residencia');
    expect(norm(part(el, 'progress-label')!.textContent)).to.equal('Phase 2 of 5: Presentación en Extranjería');
    expect(part(el, 'new')?.outerHTML).to.equal(undefined);
    expect(part(el, 'notices')!.textContent).to.contain('No notices yet.');
    await expect(el).to.be.accessible();
  });

  it('T1: counts what is new in the choice until the process is opened', async () => {
    const data = martinsCastroProcesses();
    data.processes.reverse();
    const { el } = await mount({ auth: memoryProcesses(data) });
    const select = root(el).querySelector<HTMLSelectElement>('select[name=process]')!;
    expect(select.value).to.equal('p2', 'the first the server lists');
    expect(select.options[1]!.textContent).to.equal('Nacionalidad española por residencia — Lucía Ortega (1 new)');
    await choose(el, 'p1');
    expect(select.options[1]!.textContent).to.equal('Nacionalidad española por residencia — Lucía Ortega');
  });

  it('shows the process the page asks for, and falls back to the first when the client does not reach it', async () => {
    const { el, api } = await mount({ process: 'p2' });
    expect(heading(el)).to.equal('Renovación de la tarjeta de residencia');
    expect(calls(api, 'getProcess').map((c) => c.args[1])).to.deep.equal(['p2']);
    el.process = 'p1';
    await settle(el);
    expect(heading(el)).to.equal('Nacionalidad española por residencia');
    el.setAttribute('process', 'someone-elses');
    await settle(el);
    expect(heading(el)).to.equal('Nacionalidad española por residencia');
    expect(calls(api, 'getProcess').map((c) => c.args[1])).to.deep.equal(['p2', 'p1']);
  });

  it('T3: what is new since the last visit, highlighted first; the other notices after the phases, newest first', async () => {
    const { el } = await mount({ locale: 'es' });
    const news = part(el, 'new')!;
    expect(norm(news.querySelector('h3')!.textContent)).to.equal('★ Novedades desde su última visita');
    expect([...news.querySelectorAll('h4')].map((h) => h.textContent)).to.deep.equal(['Aporte el certificado de antecedentes penales actualizado']);
    expect(norm(news.querySelector('[part~=notice-kind]')!.textContent)).to.equal('→ Seguimiento');
    const order = [...root(el).querySelectorAll('[part~=new], [part~=phases-section], [part~=notices]')].map((p) => p.getAttribute('part'));
    expect(order).to.deep.equal(['new', 'phases-section', 'notices']);
    expect([...part(el, 'notices')!.querySelectorAll('h4')].map((h) => h.textContent)).to.deep.equal(['Su expediente está en estudio']);
    // The body, from the rich text tree: emphasis, an ordered list, safe links.
    const body = news.querySelector('[part~=notice-body]')!;
    expect(body.querySelector('strong')!.textContent).to.equal('certificado de antecedentes penales');
    expect(body.querySelectorAll('ol > li').length).to.equal(2);
    const links = [...body.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')])).to.deep.equal([
      ['mailto:expedientes@martinscastro.example', 'noopener noreferrer', '_blank'],
      ['https://www.mjusticia.gob.es/', 'noopener noreferrer', '_blank'],
    ]);
    expect(norm(links[1]!.textContent)).to.equal('sede del Ministerio de Justicia (se abre en una pestaña nueva)');
    // In the tenant's time zone (Madrid, UTC+1 in November): 10:15 UTC is 11:15 there.
    expect(norm(news.querySelector('time')!.textContent)).to.equal('24 nov 2026, 11:15');
    await expect(el).to.be.accessible();
  });

  it('calls seen once for a client’s process, however often it reloads, and keeps what was new on screen', async () => {
    const { el, api, runtime } = await mount();
    expect(calls(api, 'markProcessSeen').map((c) => c.args)).to.deep.equal([['fixture.access.token', 'p1']]);
    runtime.runtime.setLocale('pt-BR');
    await settle(el);
    expect(calls(api, 'getProcess').length).to.equal(2, 'reloaded in Portuguese');
    expect(norm(part(el, 'new')!.querySelector('h3')!.textContent), 'the server says seen now; still new on this visit').to.contain('Novidades desde a sua última visita');
    await choose(el, 'p2');
    await choose(el, 'p1');
    expect(calls(api, 'markProcessSeen').map((c) => c.args[1])).to.deep.equal(['p1', 'p2']);
  });

  it('A8: a quick-access session sees its one process, read-only: no choice, no review, never marks it seen', async () => {
    const { el, api } = await mount({ who: 'quick-access' });
    expect(heading(el)).to.equal('Nacionalidad española por residencia');
    expect(root(el).querySelector('select')?.outerHTML).to.equal(undefined);
    expect(part(el, 'review')?.outerHTML).to.equal(undefined);
    expect(calls(api, 'listProcesses').length).to.equal(0);
    expect(calls(api, 'getProcess').map((c) => c.args.slice(0, 3))).to.deep.equal([['fixture.process.token', 'p1', { locale: 'en' }]]);
    expect(calls(api, 'markProcessSeen').length).to.equal(0);
    expect(norm(part(el, 'progress-label')!.textContent)).to.equal('Phase 4 of 7: Under review by the Ministry');
    expect(reference(el, 'Quick-access number').querySelector('[part~=reference-value]')!.textContent).to.equal('4829103756');
    expect(part(el, 'new')?.outerHTML, 'no last visit: nothing new').to.equal(undefined);
    expect([...part(el, 'notices')!.querySelectorAll('h4')].map((h) => h.textContent)).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('T4: references, a secret one masked to its last four until shown, and the quick-access number', async () => {
    const { el } = await mount();
    expect(parts(el, 'reference').map((r) => r.querySelector('dt')!.textContent)).to.deep.equal(['N.º de expediente del Ministerio', 'Clave de acceso', 'Quick-access number']);
    expect(reference(el, 'N.º de expediente del Ministerio').querySelector('[part~=reference-value]')!.textContent).to.equal('R-0118734/2026');
    expect(reference(el, 'N.º de expediente del Ministerio').querySelector('[part~=show]')?.outerHTML).to.equal(undefined);
    const secret = reference(el, 'Clave de acceso');
    const value = secret.querySelector('[part~=reference-value]')!;
    expect(norm(value.textContent)).to.equal('••••hidden, ends in 84TR');
    expect(text(el)).not.to.contain('MJ7K');
    const show = secret.querySelector<HTMLButtonElement>('[part~=show]')!;
    expect([norm(show.textContent), show.getAttribute('aria-pressed')]).to.deep.equal(['Show: Clave de acceso', 'false']);
    await expect(el).to.be.accessible();
    show.click();
    await settle(el);
    expect([value.textContent, show.getAttribute('aria-pressed')]).to.deep.equal(['MJ7K-Q2PX-84TR', 'true']);
    await expect(el).to.be.accessible();
    show.click();
    await settle(el);
    expect(text(el)).not.to.contain('MJ7K');
  });

  it('T4: copies a reference’s real value, even masked, and says "Copied." aloud', async () => {
    const { el } = await mount();
    const written: string[] = [];
    await withClipboard({ writeText: async (value) => void written.push(value) }, async () => {
      const secret = reference(el, 'Clave de acceso');
      secret.querySelector<HTMLButtonElement>('[part~=copy]')!.click();
      await settle(el);
      expect(written).to.deep.equal(['MJ7K-Q2PX-84TR']);
      const confirmation = secret.querySelector('[part~=copied]')!;
      expect([confirmation.textContent, confirmation.getAttribute('role'), confirmation.getAttribute('aria-live')]).to.deep.equal(['Copied.', 'status', 'polite']);
      expect(text(el)).not.to.contain('MJ7K', 'still masked');
      reference(el, 'Quick-access number').querySelector<HTMLButtonElement>('[part~=copy]')!.click();
      await settle(el);
      expect(written[1]).to.equal('4829103756');
      expect(confirmation.textContent).to.equal('');
      await expect(el).to.be.accessible();
    });
  });

  it('T4: without the Clipboard API, shows the secret and copies it selected, or leaves it selected', async () => {
    const { el } = await mount();
    const selected = () => (root(el) as ShadowRoot & { getSelection(): Selection }).getSelection().toString();
    const execCommand = document.execCommand;
    const copiedThen: string[] = [];
    try {
      await withClipboard(undefined, async () => {
        document.execCommand = (command: string) => command === 'copy' && Boolean(copiedThen.push(selected()));
        reference(el, 'Clave de acceso').querySelector<HTMLButtonElement>('[part~=copy]')!.click();
        await settle(el);
        expect(copiedThen).to.deep.equal(['MJ7K-Q2PX-84TR'], 'the value, not the dots');
        expect(reference(el, 'Clave de acceso').querySelector('[part~=copied]')!.textContent).to.equal('Copied.');
        document.execCommand = () => false;
        reference(el, 'Quick-access number').querySelector<HTMLButtonElement>('[part~=copy]')!.click();
        await settle(el);
        expect(reference(el, 'Quick-access number').querySelector('[part~=copied]')!.textContent).to.contain('Selected: press Ctrl+C');
        expect(selected()).to.equal('4829103756');
      });
    } finally {
      document.execCommand = execCommand;
    }
  });

  it('T5: "Request a review" opens a review request about the process in <portal-requests>', async () => {
    const { el, requests } = await mount({ withRequests: true });
    const asked = oneEvent(document, 'portal-request-new') as Promise<CustomEvent<RequestDraft>>;
    button(el, 'Something missing? Request a review')!.click();
    const draft = (await asked).detail;
    expect(draft).to.deep.equal({ category: 'review', subject: 'Review of “Nacionalidad española por residencia”', about: { type: 'process', id: 'p1' } });
    await settle(requests!);
    expect(requests!.shadowRoot!.querySelector<HTMLInputElement>('input[name=subject]')!.value).to.equal(draft.subject);
    expect(requests!.shadowRoot!.querySelector<HTMLSelectElement>('select[name=category]')!.value).to.equal('review');
    expect(text(el)).not.to.contain('Requests cannot be made on this page');
  });

  it('T5: says whom to ask where the page has no <portal-requests>', async () => {
    const { el } = await mount({ locale: 'pt-BR' });
    button(el, 'Falta alguma coisa? Peça uma revisão')!.click();
    await settle(el);
    const status = root(el).querySelector('p[part~=status][role=status]')!;
    expect(status.textContent).to.equal('Não é possível abrir solicitações nesta página: fale com Martins Castro sobre este processo.');
    await expect(el).to.be.accessible();
  });

  it('switches language with the page: its words, the phase names it asks the server for, and dates', async () => {
    const { el, api, runtime } = await mount({ locale: 'pt-BR' });
    expect(norm(part(el, 'progress-label')!.textContent)).to.equal('Fase 4 de 7: Em análise pelo Ministério');
    expect(root(el).querySelector('#phases-title')!.textContent).to.equal('Fases');
    expect(root(el).querySelector('[part~=choice]')!.textContent).to.contain('Processo');
    runtime.runtime.setLocale('en');
    await settle(el);
    expect(calls(api, 'listProcesses').at(-1)!.args[1]).to.deep.equal({ locale: 'en' });
    expect(calls(api, 'getProcess').at(-1)!.args[2]).to.deep.equal({ locale: 'en' });
    expect(norm(part(el, 'progress-label')!.textContent)).to.equal('Phase 4 of 7: Under review by the Ministry');
    expect(norm(part(el, 'history')!.querySelector('time')!.textContent)).to.equal('Jul 1, 2026');
    runtime.runtime.setLocale('es');
    await settle(el);
    expect(norm(part(el, 'progress-label')!.textContent)).to.equal('Fase 4 de 7: En estudio por el Ministerio');
    expect(root(el).querySelector('[part~=references] h3')!.textContent).to.equal('Referencias');
    expect(norm(part(el, 'history')!.querySelector('time')!.textContent)).to.equal('1 jul 2026');
  });

  it('translates the problem codes, and tries again', async () => {
    const refuse = (code: string, status: number) => async () => Promise.reject(new ApiError(code, status, 'x'));
    const cases: [Locale, string, number, string][] = [
      ['es', 'not_found', 404, 'Este expediente ya no está disponible para usted.'],
      ['pt-BR', 'forbidden', 403, 'Esta sessão não pode ver este processo.'],
      ['en', 'unauthenticated', 401, 'Your session has ended. Please sign in again.'],
      ['en', 'network_error', 0, 'We could not reach the portal.'],
      ['en', 'something_new', 500, 'Something went wrong.'],
    ];
    for (const [locale, code, status, message] of cases) {
      const { el } = await mount({ locale, auth: { getProcess: refuse(code, status) } });
      const alert = part(el, 'error')!;
      expect([alert.getAttribute('role'), norm(alert.textContent)], code).to.satisfy(([role, said]: string[]) => role === 'alert' && said.includes(message));
    }
    let fail = true;
    const { el, api } = await mount({ auth: { listProcesses: async (token, options) => (fail ? refuse('unauthenticated', 401)() : memoryProcesses().listProcesses(token, options)) } });
    expect(part(el, 'error')!.textContent).to.contain('Your session has ended.');
    await expect(el).to.be.accessible();
    fail = false;
    button(el, 'Try again')!.click();
    await settle(el);
    expect(calls(api, 'listProcesses').length).to.equal(2);
    expect(heading(el)).to.equal('Nacionalidad española por residencia');
  });

  it('forgets the previous person’s process when someone else signs in', async () => {
    const { el, api, runtime } = await mount({ process: 'p2' });
    const other = { ...LUCIA, user: { id: 'u-other', email: 'other@example.com', locale: null } };
    runtime.runtime.signedIn(other);
    await settle(el);
    expect(calls(api, 'listProcesses').length).to.equal(2);
    expect(calls(api, 'markProcessSeen').map((c) => c.args[1])).to.deep.equal(['p2', 'p2'], 'the other person opened it too');
  });

  it('fits a 320 px wide phone', async () => {
    const { el } = await mount({ width: 320 });
    (reference(el, 'Clave de acceso').querySelector('[part~=show]') as HTMLButtonElement).click();
    await settle(el);
    const base = part(el, 'base')!;
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    for (const each of root(el).querySelectorAll<HTMLElement>('[part~=choice], [part~=phase], [part~=notice], [part~=reference], [part~=bar]')) {
      expect(each.scrollWidth, each.getAttribute('part')!).to.be.at.most(each.clientWidth);
    }
    await expect(el).to.be.accessible();
  });
});

describe('HttpPortalApi: process calls', () => {
  const api = new HttpPortalApi('https://portal.example.com/', 'martins-castro');
  const http = recordFetch();
  const json = jsonAnswer;

  it('lists, opens and marks seen, with the token, the tenant and the locale', async () => {
    http.answer = json({ items: [] });
    expect(await api.listProcesses('tok', { accountId: 'a1', locale: 'es' })).to.deep.equal({ items: [] });
    await api.listProcesses('tok', {});
    http.answer = json({ id: 'p 1' });
    await api.getProcess('tok', 'p 1', { locale: 'pt-BR' });
    http.answer = () => new Response(null, { status: 204 });
    expect(await api.markProcessSeen('tok', 'p1')).to.equal(undefined);
    expect(http.sent.map((s) => [s.method, s.url.replace('https://portal.example.com', ''), s.body])).to.deep.equal([
      ['GET', '/api/portal/processes?accountId=a1&locale=es', undefined],
      ['GET', '/api/portal/processes', undefined],
      ['GET', '/api/portal/processes/p%201?locale=pt-BR', undefined],
      ['POST', '/api/portal/processes/p1/seen', {}],
    ]);
    for (const request of http.sent) expect(request.headers).to.include({ Authorization: 'Bearer tok', 'X-Portal-Tenant': 'martins-castro' });
    expect(http.sent[3]!.headers).to.include({ 'Content-Type': 'application/json' });
  });

  it('turns a problem into its code', async () => {
    http.answer = json({ code: 'forbidden', detail: 'A quick-access session is read-only' }, 403);
    expect(((await api.markProcessSeen('tok', 'p1').catch((e: ApiError) => e)) as ApiError).code).to.equal('forbidden');
    http.answer = json({ code: 'not_found', detail: 'No such process' }, 404);
    expect(((await api.getProcess('tok', 'p9', {}).catch((e: ApiError) => e)) as ApiError).code).to.equal('not_found');
  });
});
