/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../widgets/requests/portal-requests.ts';
import type { PortalRequests } from '../../widgets/requests/portal-requests.ts';
import { ApiError } from '../../widgets/core/api-client.ts';
import { fixtureSession, fixtureTenant, provideFixtureRuntime, type FixtureApi } from '../../widgets/core/fixtures.ts';
import type { Locale } from '../../widgets/core/i18n.ts';

type Auth = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];

async function mount(options: { signedIn?: boolean; locale?: Locale; auth?: Auth } = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const signedIn = options.signedIn ?? true;
  const provided = provideFixtureRuntime(wrapper, { tenant: fixtureTenant() }, {
    locale: options.locale ?? 'en',
    auth: { ...(signedIn ? { refresh: async () => fixtureSession({ accountId: 'a1' }) } : {}), ...options.auth },
  });
  const el = document.createElement('portal-requests') as PortalRequests;
  wrapper.append(el);
  await provided.loaded;
  await settle(el);
  return { el, ...provided, api: provided.api as FixtureApi };
}

async function settle(el: PortalRequests) {
  for (let i = 0; i < 6; i++) {
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
  }
}
const root = (el: PortalRequests) => el.shadowRoot!;
const text = (el: PortalRequests) => root(el).textContent!.replace(/\s+/g, ' ');
const button = (el: PortalRequests, label: string) => [...root(el).querySelectorAll('button')].find((b) => b.textContent!.includes(label))!;

describe('<portal-requests>', () => {
  it('asks a signed-out visitor to sign in', async () => {
    const { el } = await mount({ signedIn: false });
    expect(text(el)).to.contain('Sign in to see and make requests.');
    await expect(el).to.be.accessible();
  });

  it('lists the requests with their status, newest first', async () => {
    const { el } = await mount();
    const items = root(el).querySelectorAll('[part~=item]');
    expect(items.length).to.equal(2);
    expect(button(el, 'Show older requests')).to.equal(undefined, 'no more pages');
    expect(items[0]!.textContent).to.contain('Segunda via do boleto de outubro');
    expect(items[0]!.querySelector('[part~=badge]')!.textContent).to.equal('Answered');
    expect(items[0]!.textContent).to.contain('Metalúrgica Horizonte Ltda', 'a user of several accounts sees whose request it is');
    await expect(el).to.be.accessible();
  });

  it('filters by status and pages through older requests', async () => {
    const { el, runtime } = await mount();
    for (let i = 0; i < 3; i++) await runtime.runtime.api.createRequest('t', { category: 'general', subject: `Extra ${i}`, description: 'x' });
    const choose = async (value: string) => {
      const select = root(el).querySelector<HTMLSelectElement>('select[name=status]')!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await settle(el);
    };
    await choose('closed');
    await choose('');
    expect(root(el).querySelectorAll('[part~=item]').length).to.equal(2);
    button(el, 'Show older requests').click();
    await settle(el);
    expect(root(el).querySelectorAll('[part~=item]').length).to.equal(4);
    await choose('answered');
    expect([...root(el).querySelectorAll('[part~=badge]')].every((badge) => badge.textContent === 'Answered')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says so when there are none', async () => {
    const { el } = await mount({ locale: 'pt-BR', auth: { listRequests: async () => ({ items: [], next: null }) } });
    expect(text(el)).to.contain('Nenhuma solicitação ainda');
    await expect(el).to.be.accessible();
  });

  it('shows a failure to load as an alert', async () => {
    const { el } = await mount({ auth: { listRequests: () => Promise.reject(new ApiError('network_error', 0, '')) } });
    expect(root(el).querySelector('[part=error]')!.textContent).to.contain('could not reach the portal');
  });

  it('opens a request with its thread, replies, and closes it', async () => {
    const { el, api } = await mount();
    button(el, 'Segunda via').click();
    await settle(el);
    expect(text(el)).to.contain('Enviamos a segunda via');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLTextAreaElement>('textarea[name=body]')!.value = 'Obrigado!';
    root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(el);
    expect(api.log.some((call) => call.name === 'replyToRequest')).to.equal(true);
    expect(text(el)).to.contain('Obrigado!');
    button(el, 'Close request').click();
    await settle(el);
    expect(root(el).querySelector('[part~=badge]')!.textContent).to.equal('Closed');
    expect(root(el).querySelector('textarea')).to.equal(null);
    expect(button(el, 'Reopen request')).to.exist;
  });

  it('another widget opens it pre-filled through the portal-request-new event', async () => {
    const { el, api } = await mount();
    document.dispatchEvent(new CustomEvent('portal-request-new', { detail: { category: 'financial', subject: 'Boleto de março', about: { type: 'charge', id: crypto.randomUUID() } } }));
    await settle(el);
    expect(root(el).querySelector<HTMLSelectElement>('select')!.value).to.equal('financial');
    expect(root(el).querySelector<HTMLInputElement>('input[name=subject]')!.value).to.equal('Boleto de março');
    expect(text(el)).to.contain('About a charge');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(el);
    expect(root(el).querySelector('[part=error]')!.textContent).to.equal('Fill this in.');
    root(el).querySelector<HTMLTextAreaElement>('textarea[name=description]')!.value = 'Não recebi.';
    const created = oneEvent(el, 'portal-request-created');
    root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
    await created;
    const call = api.log.find((c) => c.name === 'createRequest')!;
    expect((call.args[1] as { about: { type: string } }).about.type).to.equal('charge');
    await settle(el);
    expect(text(el)).to.contain('Request sent.');
  });

  it('another widget opens one request’s thread through the portal-request-open event, and knows it was taken', async () => {
    const { el } = await mount();
    const asked = new CustomEvent('portal-request-open', { detail: { id: 'r2' }, cancelable: true });
    document.dispatchEvent(asked);
    await settle(el);
    expect(asked.defaultPrevented).to.equal(true);
    expect(root(el).querySelector('h2')!.textContent).to.contain('Exames admissionais');
    await expect(el).to.be.accessible();
  });

  it('forgets the previous person’s screen when someone else signs in', async () => {
    const { el, runtime } = await mount();
    button(el, 'Segunda via').click();
    await settle(el);
    runtime.runtime.signedIn(fixtureSession({ user: { id: 'u2', email: 'other@example.com', locale: null }, accountId: 'a2' }));
    await settle(el);
    expect(root(el).querySelectorAll('[part~=item]').length).to.be.greaterThan(0);
    expect(text(el)).not.to.contain('Enviamos a segunda via');
  });

  it('a user limited to some establishments chooses one of them for a new request', async () => {
    const { el, api } = await mount({
      auth: { refresh: async () => fixtureSession({ accountId: 'a1', accounts: [{ id: 'a1', name: 'Horizonte', kind: 'company', establishments: [{ id: 'e1', name: 'Matriz' }, { id: 'e2', name: 'Filial Contagem' }] }] }) },
    });
    button(el, 'New request').click();
    await settle(el);
    const select = root(el).querySelector<HTMLSelectElement>('select[name=establishmentId]')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Matriz', 'Filial Contagem']);
    await expect(el).to.be.accessible();
    select.value = 'e2';
    root(el).querySelector<HTMLInputElement>('input[name=subject]')!.value = 'Da filial';
    root(el).querySelector<HTMLTextAreaElement>('textarea[name=description]')!.value = 'x';
    root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(el);
    expect((api.log.find((c) => c.name === 'createRequest')!.args[1] as { establishmentId: string }).establishmentId).to.equal('e2');
  });

  it('attaches files to a new request and lists them in the thread; a file over 10 MB is refused first', async () => {
    const { el, api } = await mount();
    button(el, 'New request').click();
    await settle(el);
    const input = root(el).querySelector<HTMLInputElement>('input[name=files]')!;
    const pick = (...files: File[]) => {
      const transfer = new DataTransfer();
      files.forEach((file) => transfer.items.add(file));
      input.files = transfer.files;
    };
    root(el).querySelector<HTMLInputElement>('input[name=subject]')!.value = 'Comprovante';
    root(el).querySelector<HTMLTextAreaElement>('textarea[name=description]')!.value = 'Segue.';
    pick(new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'enorme.pdf', { type: 'application/pdf' }));
    root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(el);
    expect(root(el).querySelector('[part=error]')!.textContent).to.equal('enorme.pdf is larger than 10 MB.');
    expect(api.log.some((c) => c.name === 'createRequest')).to.equal(false);
    pick(new File(['%PDF-1.7'], 'comprovante.pdf', { type: 'application/pdf' }));
    root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(el);
    expect(api.log.filter((c) => c.name === 'attachToRequest').length).to.equal(1);
    const file = root(el).querySelector('[part~=attachment]')!;
    expect(file.textContent).to.contain('comprovante.pdf');
    await expect(el).to.be.accessible();
  });

  it('a request that is not there says so', async () => {
    history.replaceState(null, '', `${location.pathname}#portico-request=${crypto.randomUUID()}`);
    const { el } = await mount({ locale: 'es' });
    expect(location.hash).to.equal('');
    expect(root(el).querySelector('[part=error]')!.textContent).to.equal('Esta solicitud no está disponible.');
    await expect(el).to.be.accessible();
  });
});
