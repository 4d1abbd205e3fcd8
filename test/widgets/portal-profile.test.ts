/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/profile/portal-profile.ts';
import type { PortalProfile } from '../../widgets/profile/portal-profile.ts';
import { ApiError, HttpPortalApi, type NewPrivacyRequest, type ProfileChange } from '../../widgets/core/api-client.ts';
import {
  PROFILE_ACCOUNTS,
  PROFILE_NOW,
  fixtureTenant,
  profileCalls,
  profileSessionFor,
  provideFixtureRuntime,
  type FixtureApi,
  type ProfileData,
  type ProfileState,
} from '../../widgets/core/fixtures.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { formatTaxId, isValidTaxId } from '../../widgets/profile/tax-id.ts';
import { formatMoneyInput, formatPhone, parseMoney, parseNumber, toE164 } from '../../widgets/profile/values.ts';
import type * as Server from '../../server/features/profile/schemas.ts';
import type { z } from 'zod';
import { jsonAnswer, recordFetch } from './fetch-recorder.ts';

// The widget's bodies are its own types: this fails the type-check if they stop matching the server's inputs.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrorsServer: [Same<keyof ProfileChange, keyof z.input<typeof Server.changeInput>>, Same<NewPrivacyRequest, z.input<typeof Server.privacyRequestInput>>] = [true, true];
void mirrorsServer;

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];
const now = () => new Date(PROFILE_NOW);

interface MountOptions {
  state?: ProfileState;
  /** Changes the fixture account before the fixture server answers from it. */
  data?: (data: ProfileData) => void;
  calls?: Calls;
  locale?: Locale;
  width?: number;
  signedIn?: boolean;
}

async function mount(options: MountOptions = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`max-width: ${options.width ?? 720}px`}></div>`);
  const session = profileSessionFor(options.state);
  const provided = provideFixtureRuntime(wrapper, { tenant: fixtureTenant() }, {
    locale: options.locale ?? 'en',
    auth: { ...((options.signedIn ?? true) ? { refresh: async () => session } : {}), ...profileCalls(options.state, { now, data: options.data }), ...options.calls },
  });
  const el = document.createElement('portal-profile') as PortalProfile;
  const downloads: [string, string][] = [];
  el.navigate = (url, name) => void downloads.push([url, name]);
  wrapper.append(el);
  await provided.loaded;
  await settle(el);
  return { el, downloads, ...provided, api: provided.api as FixtureApi };
}

async function settle(el: { updateComplete: Promise<boolean> }) {
  for (let i = 0; i < 8; i++) {
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
  }
}
const root = (el: PortalProfile) => el.shadowRoot!;
/** Text with runs of white space (Intl's narrow no-break spaces too) as one space. */
const norm = (value: string | null | undefined) => (value ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();
const text = (el: PortalProfile) => norm(root(el).textContent);
const part = (el: PortalProfile, name: string) => root(el).querySelector<HTMLElement>(`[part~=${name}]`);
const field = (el: PortalProfile, key: string) => root(el).querySelector<HTMLElement>(`[part~=field][data-key="${key}"], [part~=group][data-key="${key}"]`)!;
const input = (el: PortalProfile, path: string) => root(el).querySelector<HTMLInputElement>(`[name="${path}"]`)!;
const button = (scope: ParentNode, label: string) => [...scope.querySelectorAll('button')].find((b) => norm(b.textContent).includes(label));
const calls = (api: FixtureApi, name: string) => api.log.filter((c) => c.name === name);
const lastCall = (api: FixtureApi, name: string) => calls(api, name).at(-1)!;
const focused = (el: PortalProfile) => root(el).activeElement as HTMLElement | null;
const live = (el: PortalProfile) => norm(root(el).querySelector('[role=status][aria-live=polite]')!.textContent);
const markup = (element: Element | null | undefined) => element?.outerHTML ?? '';
const problemOf = (el: PortalProfile, path: string) => norm(root(el).getElementById(`f-${path.replace('.', '-')}-problem`)?.textContent);

/** Types `value` into the input at `path` and leaves it (the form checks a field as the client leaves it). */
async function type(el: PortalProfile, path: string, value: string, leave = true) {
  const target = input(el, path);
  expect(target, `an input named ${path}`).to.exist;
  target.value = value;
  target.dispatchEvent(new Event(target instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
  if (leave) target.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  await settle(el);
}
async function click(el: PortalProfile, target: HTMLElement | null | undefined) {
  expect(target, 'the element to click').to.exist;
  target!.click();
  await settle(el);
}
const save = (el: PortalProfile) => click(el, part(el, 'save'));

describe('<portal-profile>', () => {
  it('asks a signed-out visitor to sign in, and asks the server nothing', async () => {
    const { el, api } = await mount({ signedIn: false });
    expect(text(el)).to.contain('Sign in to see and update your registration data.');
    expect(calls(api, 'getProfile').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows a progress indicator while loading', async () => {
    const { el } = await mount({ state: 'loading' });
    expect(root(el).querySelector('[part~=status][role=status] progress')).to.exist;
    expect(markup(part(el, 'form'))).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('says what went wrong, and tries again', async () => {
    let fail = true;
    const normal = profileCalls('normal', { now });
    const { el, api } = await mount({ calls: { getProfile: (...args) => (fail ? Promise.reject(new ApiError('network_error', 0, '')) : normal.getProfile(...args)) } });
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(text(el)).to.contain('We could not reach the portal. Check your connection and try again.');
    await expect(el).to.be.accessible();
    fail = false;
    await click(el, button(part(el, 'error')!, 'Try again'));
    expect(calls(api, 'getProfile').length).to.equal(2);
    expect(part(el, 'form')).to.exist;
  });

  it('P1–P2: shows the data grouped, each field with what the client may do with it', async () => {
    const { el, api } = await mount();
    expect(lastCall(api, 'getProfile').args.slice(0, 2)).to.deep.equal(['fixture.access.token', { accountId: PROFILE_ACCOUNTS.ana, locale: 'en' }]);
    expect([...root(el).querySelectorAll('fieldset[part~=group] > legend')].map((l) => norm(l.textContent))).to.deep.equal(['Identity', 'Contact', 'Address', 'More information']);
    const name = input(el, 'name');
    expect([name.value, name.required, name.autocomplete, name.labels![0]!.textContent!.trim()]).to.deep.equal(['Ana Souza', true, 'name', 'Full name *']);
    expect(norm(field(el, 'name').querySelector('[part~=mode-note]')!.textContent)).to.equal('Changes need the business’s approval.');
    // Read-only: text, no input.
    expect(markup(input(el, 'taxId'))).to.equal('');
    expect(norm(field(el, 'taxId').textContent)).to.equal('Tax id (CPF) 529.982.247-25 Only the business can change this.');
    const email = input(el, 'email');
    expect([email.type, email.autocomplete, email.value]).to.deep.equal(['email', 'email', 'ana@example.com']);
    const phone = input(el, 'phone');
    expect([phone.type, phone.autocomplete, phone.value]).to.deep.equal(['tel', 'tel', '+55 19 3234-5610']);
    expect(norm(root(el).getElementById(phone.getAttribute('aria-describedby')!)!.textContent)).to.equal('With country and area code, e.g. +55 19 3234-5610.');
    expect(input(el, 'mobile').autocomplete).to.equal('mobile tel');
    const tokens = ['street', 'complement', 'district', 'city', 'region', 'postalCode', 'country'].map((p) => input(el, `address.${p}`).autocomplete);
    expect(tokens).to.deep.equal(['address-line1', 'address-line2', 'address-line3', 'address-level2', 'address-level1', 'postal-code', 'country']);
    expect(input(el, 'address.city').value).to.equal('Campinas');
    const plan = root(el).querySelector<HTMLSelectElement>('select[name=convenio]')!;
    expect([...plan.options].map((o) => o.textContent)).to.deep.equal(['None', 'Private', 'Unimed', 'Bradesco Saúde']);
    expect(plan.value).to.equal('unimed');
    expect([input(el, 'nascimento').type, input(el, 'nascimento').value, input(el, 'nascimento').max]).to.deep.equal(['date', '1988-04-17', '2026-11-24']);
    expect(norm(field(el, 'carteirinha').querySelector('.hint')!.textContent)).to.equal('As on the card.');
    expect(norm(part(el, 'confirmed')!.textContent)).to.equal('✓ Confirmed on Feb 10, 2026. Valid until Feb 10, 2027.');
    expect(markup(part(el, 'confirm-banner'))).to.equal('');
    expect(markup(part(el, 'link-notice'))).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('sends only the fields changed — the phone in E.164 —, says what was saved and what waits, and reloads', async () => {
    const { el, api } = await mount();
    await type(el, 'phone', '(19) 3234-5699');
    expect(input(el, 'phone').value, 'written the form’s way once left').to.equal('+55 19 3234-5699');
    await type(el, 'email', '  Ana.Souza@Example.com ');
    await type(el, 'name', 'Ana Souza Lima');
    await type(el, 'address.city', 'Campinas', true);
    const saved = oneEvent(el, 'portal-profile-saved');
    await save(el);
    const event = await saved;
    expect(lastCall(api, 'updateProfile').args.slice(0, 3)).to.deep.equal([
      'fixture.access.token',
      { values: { name: 'Ana Souza Lima', email: 'ana.souza@example.com', phone: '+551932345699' } },
      { accountId: PROFILE_ACCOUNTS.ana, locale: 'en' },
    ]);
    expect([event.detail.saved, event.detail.pending, event.bubbles, event.composed]).to.deep.equal([['email', 'phone'], ['name'], true, true]);
    expect(norm(part(el, 'saved')!.textContent)).to.equal('✓ Saved: E-mail, Phone. Waiting for approval: Full name.');
    expect(live(el)).to.equal('Saved: E-mail, Phone. Waiting for approval: Full name.');
    expect(input(el, 'name').value, 'the name stays until approved').to.equal('Ana Souza');
    expect(norm(field(el, 'name').querySelector('[part~=pending]')!.textContent)).to.equal('… Change to Ana Souza Lima waiting for approval since Nov 24, 2026.');
    expect(input(el, 'email').value).to.equal('ana.souza@example.com');
    expect(markup(part(el, 'undo')), 'nothing left unsaved').to.equal('');
    await expect(el).to.be.accessible();
    await save(el);
    expect(calls(api, 'updateProfile').length, 'nothing changed: nothing sent').to.equal(1);
    expect(norm(part(el, 'saved')!.textContent)).to.equal('✓ You have not changed anything yet.');
  });

  it('clears an optional field with null, and sends the whole address when a part changes', async () => {
    const { el, api } = await mount();
    await type(el, 'carteirinha', '');
    await type(el, 'address.number', '1500');
    await type(el, 'address.complement', '');
    await save(el);
    expect(lastCall(api, 'updateProfile').args[1]).to.deep.equal({
      values: {
        address: { postalCode: '13015-002', street: 'Rua Barão de Jaguara', number: '1500', district: 'Centro', city: 'Campinas', region: 'SP', country: 'BR' },
        carteirinha: null,
      },
    });
  });

  it('checks a field as the client leaves it, and everything on save, without calling the server', async () => {
    const { el, api } = await mount();
    await type(el, 'phone', '3234');
    expect(problemOf(el, 'phone')).to.equal('! Phone: write a phone number with its area code, such as +55 19 3234-5610.');
    expect(input(el, 'phone').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'phone').getAttribute('aria-describedby')!.split(' ')[0]).to.equal('f-phone-problem');
    await type(el, 'name', '');
    await type(el, 'email', 'ana@', false);
    await type(el, 'address.street', '');
    await save(el);
    expect(calls(api, 'updateProfile').length).to.equal(0);
    expect([...part(el, 'problems')!.querySelectorAll('li')].map((li) => norm(li.textContent))).to.deep.equal([
      'Fill in Full name.',
      'E-mail: write an address such as name@example.com.',
      'Phone: write a phone number with its area code, such as +55 19 3234-5610.',
      'Fill in Street.',
    ]);
    expect(norm(part(el, 'problems')!.querySelector('p')!.textContent)).to.equal('Please correct 4 fields:');
    expect(focused(el)?.getAttribute('name'), 'focus on the first').to.equal('name');
    await expect(el).to.be.accessible();
    await click(el, button(part(el, 'problems')!, 'Fill in Street.'));
    expect(focused(el)?.getAttribute('name')).to.equal('address.street');
    await type(el, 'phone', '+55 19 99123-4567', false);
    expect(problemOf(el, 'phone'), 'checked again as it is fixed').to.equal('');
  });

  it('refuses a CPF with wrong check digits before sending, and sends a good one as digits', async () => {
    const { el, api } = await mount({ data: (data) => void (data.profile.fields.find((f) => f.key === 'taxId')!.mode = 'edit') });
    expect(input(el, 'taxId').value).to.equal('529.982.247-25');
    await type(el, 'taxId', '529.982.247-24');
    expect(problemOf(el, 'taxId')).to.equal('! Tax id (CPF): this number is not valid. Check its digits.');
    await save(el);
    expect(calls(api, 'updateProfile').length).to.equal(0);
    expect(focused(el)?.getAttribute('name')).to.equal('taxId');
    await type(el, 'taxId', '11144477735');
    expect([input(el, 'taxId').value, problemOf(el, 'taxId')]).to.deep.equal(['111.444.777-35', '']);
    await save(el);
    expect(lastCall(api, 'updateProfile').args[1]).to.deep.equal({ values: { taxId: '11144477735' } });
  });

  it('a company: its CNPJ formatted, money read in the reader’s locale and sent in whole cents', async () => {
    const { el, api } = await mount({ state: 'company', locale: 'pt-BR' });
    expect(norm(field(el, 'taxId').querySelector('[part~=value]')!.textContent)).to.equal('11.222.333/0001-81');
    const capital = input(el, 'capitalSocial');
    expect(capital.value).to.equal('1.500.000,00');
    expect(norm(capital.labels![0]!.textContent)).to.equal('Capital social');
    expect(norm(field(el, 'capitalSocial').querySelector('.unit')!.textContent)).to.equal('R$');
    expect(norm(field(el, 'capitalSocial').querySelector('.hint')!.textContent)).to.equal('Como consta no contrato social.');
    await type(el, 'capitalSocial', '1500.5');
    expect(problemOf(el, 'capitalSocial'), 'never guessed').to.equal('! Capital social: escreva um valor, como 1.500.000,00.');
    await type(el, 'capitalSocial', 'R$ 2.750.000,5');
    expect([capital.value, problemOf(el, 'capitalSocial')]).to.deep.equal(['2.750.000,50', '']);
    await type(el, 'funcionarios', '0');
    expect(problemOf(el, 'funcionarios')).to.equal('! Número de funcionários: deve ser no mínimo 1.');
    await type(el, 'funcionarios', '135');
    await save(el);
    expect(lastCall(api, 'updateProfile').args[1]).to.deep.equal({ values: { capitalSocial: 275_000_050, funcionarios: 135 } });
    expect(norm(part(el, 'saved')!.textContent)).to.equal('✓ Salvo: Capital social, Número de funcionários.');
    await expect(el).to.be.accessible();
  });

  it('shows the server’s problems at their fields, the address’s at its part, focus on the first', async () => {
    const { el } = await mount({ state: 'validation-errors' });
    await type(el, 'phone', '+55 19 3234-5611');
    await type(el, 'address.postalCode', '13015-00');
    await save(el);
    expect(problemOf(el, 'phone')).to.equal('! Phone: must be an international number such as +5519932345610');
    expect(problemOf(el, 'address.postalCode')).to.equal('! Postal code: must be a postal code such as 13015-002');
    expect(input(el, 'address.postalCode').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'address.postalCode').getAttribute('aria-describedby')).to.equal('f-address-postalCode-problem');
    expect(focused(el)?.getAttribute('name')).to.equal('phone');
    expect(norm(part(el, 'form')!.querySelector('[part~=error]')!.textContent)).to.equal('Some values were not accepted: see the fields marked.');
    expect(markup(part(el, 'saved'))).to.equal('');
    expect(input(el, 'phone').value, 'the client’s text stays').to.equal('+55 19 3234-5611');
    await expect(el).to.be.accessible();
  });

  it('a field the business locked meanwhile (403) says so at the field', async () => {
    const locked = new ApiError('field_not_editable', 403, '', undefined, [{ path: 'values.email', message: 'only the business can change this' }]);
    const { el } = await mount({ calls: { updateProfile: () => Promise.reject(locked) } });
    await type(el, 'email', 'ana@work.example');
    await save(el);
    expect(problemOf(el, 'email')).to.equal('! E-mail: only the business can change this.');
    expect(focused(el)?.getAttribute('name')).to.equal('email');
  });

  it('P3: shows a change waiting for approval, and since when', async () => {
    const { el } = await mount({ state: 'pending-change' });
    const name = field(el, 'name');
    expect(norm(name.querySelector('[part~=pending]')!.textContent)).to.equal('… Change to Ana Souza Lima waiting for approval since Nov 20, 2026.');
    expect(input(el, 'name').getAttribute('aria-describedby')).to.equal('f-name-note f-name-pending');
    await expect(el).to.be.accessible();
  });

  it('shows read-only fields as text the client cannot change, the address too', async () => {
    const { el } = await mount({ state: 'spanish', locale: 'es', data: (data) => void (data.profile.fields.find((f) => f.key === 'address')!.mode = 'view') });
    expect(markup(input(el, 'nacionalidad'))).to.equal('');
    expect(norm(field(el, 'nacionalidad').textContent)).to.equal('Nacionalidad brasileña Solo la empresa puede cambiar este dato.');
    expect(field(el, 'nacionalidad').getAttribute('role')).to.equal('group');
    const address = part(el, 'address')!;
    expect(address.querySelectorAll('input').length).to.equal(0);
    expect(address.querySelector<HTMLElement>('[part~=value]')!.innerText.split('\n').map(norm)).to.deep.equal([
      'Calle de Alcalá, 48 — 3.º B',
      'Madrid — Madrid',
      '28014 · España',
    ]);
    await expect(el).to.be.accessible();
  });

  it('P3: the confirmation banner confirms, tells the page and says until when', async () => {
    const { el, api } = await mount({ state: 'confirmation-required' });
    const banner = part(el, 'confirm-banner')!;
    expect(norm(banner.querySelector('h3')!.textContent)).to.equal('! Please check your data and confirm it is correct');
    expect(banner.nextElementSibling?.getAttribute('part'), 'the banner comes first, before the form').to.equal('form');
    expect(markup(part(el, 'confirmed'))).to.equal('');
    await expect(el).to.be.accessible();
    const confirmed = oneEvent(el, 'portal-profile-confirmed');
    await click(el, part(el, 'confirm-button'));
    const event = await confirmed;
    expect(lastCall(api, 'confirmProfile').args).to.deep.equal(['fixture.access.token', { accountId: PROFILE_ACCOUNTS.ana, locale: 'en' }]);
    expect(calls(api, 'updateProfile').length, 'nothing to save first').to.equal(0);
    expect([event.detail.confirmation.required, event.bubbles, event.composed]).to.deep.equal([false, true, true]);
    expect(markup(part(el, 'confirm-banner'))).to.equal('');
    expect(norm(part(el, 'confirmed')!.textContent)).to.equal('✓ Confirmed on Nov 24, 2026. Valid until Nov 24, 2027.');
    expect(focused(el)?.id).to.equal('confirmed');
    expect(live(el)).to.equal('Thank you: your data is confirmed. Confirmed on Nov 24, 2026. Valid until Nov 24, 2027.');
    await expect(el).to.be.accessible();
  });

  it('P3: confirming saves the client’s edits first', async () => {
    const { el, api } = await mount({ state: 'confirmation-required' });
    await type(el, 'mobile', '19 99123 4567');
    expect(norm(part(el, 'confirm-button')!.textContent)).to.equal('Save and confirm my data');
    await click(el, part(el, 'confirm-button'));
    expect(api.log.map((c) => c.name).filter((name) => name === 'updateProfile' || name === 'confirmProfile')).to.deep.equal(['updateProfile', 'confirmProfile']);
    expect(lastCall(api, 'updateProfile').args[1]).to.deep.equal({ values: { mobile: '+5519991234567' } });
    expect(norm(part(el, 'saved')!.textContent)).to.equal('✓ Saved: Mobile phone.');
    expect(markup(part(el, 'confirm-banner'))).to.equal('');
  });

  it('P3: a wrong edit stops the confirmation at the field', async () => {
    const { el, api } = await mount({ state: 'confirmation-required' });
    await type(el, 'email', 'ana-at-example.com');
    await click(el, part(el, 'confirm-button'));
    expect(calls(api, 'confirmProfile').length).to.equal(0);
    expect(focused(el)?.getAttribute('name')).to.equal('email');
    expect(part(el, 'confirm-banner')).to.exist;
  });

  it('P3: a required field left empty is named before confirming (422)', async () => {
    const { el } = await mount({ state: 'spanish', data: (data) => void (data.profile.fields.find((f) => f.key === 'pasaporte')!.value = null) });
    await click(el, part(el, 'confirm-button'));
    expect(problemOf(el, 'pasaporte')).to.equal('! Fill in Passport number before confirming.');
    expect(focused(el)?.getAttribute('name')).to.equal('pasaporte');
    expect(norm(part(el, 'confirm-banner')!.querySelector('[part~=error]')!.textContent)).to.equal('Fill in the required fields before confirming.');
    await expect(el).to.be.accessible();
  });

  it('P5: opened from an e-mailed link (a profile-only session), says so and works with that token', async () => {
    const { el, api } = await mount({ state: 'profile-only' });
    expect(norm(part(el, 'link-notice')!.textContent)).to.equal('You opened this from an e-mailed link: you can update your data here.');
    expect(lastCall(api, 'getProfile').args[0]).to.equal('fixture.profile.token');
    await type(el, 'phone', '+55 19 3234-5620');
    await save(el);
    expect(lastCall(api, 'updateProfile').args.slice(0, 2)).to.deep.equal(['fixture.profile.token', { values: { phone: '+551932345620' } }]);
    await expect(el).to.be.accessible();
  });

  it('downloads the client’s data as a JSON file', async () => {
    const { el, api, downloads } = await mount();
    await click(el, part(el, 'download'));
    expect(lastCall(api, 'downloadProfileExport').args).to.deep.equal(['fixture.access.token', { accountId: PROFILE_ACCOUNTS.ana, locale: 'en' }]);
    expect(downloads.length).to.equal(1);
    expect(downloads[0]![0]).to.match(/^blob:/);
    expect(downloads[0]![1]).to.equal('my-data-2026-11-24.json');
    expect(live(el)).to.equal('Download started: my-data-2026-11-24.json.');
  });

  it('asks for correction or deletion: the legal deadline, and a way to follow the request', async () => {
    const { el, api } = await mount();
    const open = part(el, 'privacy-open')!;
    expect(open.getAttribute('aria-expanded')).to.equal('false');
    await click(el, open);
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    expect((focused(el) as HTMLInputElement).value, 'focus on the choice').to.equal('correction');
    await expect(el).to.be.accessible();
    await click(el, part(el, 'privacy-send'));
    expect(calls(api, 'requestPrivacy').length).to.equal(0);
    expect(norm(root(el).getElementById('privacy-details-problem')!.textContent)).to.equal('! Say in Details what you ask for.');
    expect(focused(el)?.id).to.equal('privacy-details');
    await click(el, root(el).querySelector<HTMLInputElement>('input[name=kind][value=deletion]'));
    const details = root(el).querySelector<HTMLTextAreaElement>('#privacy-details')!;
    details.value = 'Please delete my old address and phone numbers.';
    details.dispatchEvent(new Event('input'));
    await click(el, part(el, 'privacy-send'));
    expect(lastCall(api, 'requestPrivacy').args.slice(0, 2)).to.deep.equal(['fixture.access.token', { kind: 'deletion', details: 'Please delete my old address and phone numbers.' }]);
    const sent = part(el, 'privacy-sent')!;
    expect(norm(sent.querySelector('p')!.textContent)).to.equal('✓ Your request was sent; the law gives Clínica Sol until Dec 9, 2026 to answer.');
    expect(focused(el)?.id).to.equal('privacy-sent');
    expect(markup(part(el, 'privacy-form'))).to.equal('');
    await expect(el).to.be.accessible();
    const follow = oneEvent(el, 'portal-request-open');
    await click(el, part(el, 'follow'));
    const event = await follow;
    expect([typeof event.detail.id, event.bubbles, event.composed, event.cancelable]).to.deep.equal(['string', true, true, true]);
  });

  it('from an e-mailed link, a privacy request is answered by e-mail: no way elsewhere', async () => {
    const { el } = await mount({ state: 'profile-only' });
    await click(el, part(el, 'privacy-open'));
    const details = root(el).querySelector<HTMLTextAreaElement>('#privacy-details')!;
    details.value = 'Corrijam meu endereço antigo.';
    details.dispatchEvent(new Event('input'));
    await click(el, part(el, 'privacy-send'));
    expect(markup(part(el, 'follow'))).to.equal('');
    expect(norm(part(el, 'privacy-sent')!.textContent)).to.contain('The answer will reach you by e-mail.');
  });

  it('undoes the client’s edits', async () => {
    const { el } = await mount();
    await type(el, 'phone', '12');
    expect(part(el, 'undo')).to.exist;
    await click(el, part(el, 'undo'));
    expect([input(el, 'phone').value, problemOf(el, 'phone'), markup(part(el, 'undo'))]).to.deep.equal(['+55 19 3234-5610', '', '']);
    expect(focused(el)?.getAttribute('part')).to.equal('save');
  });

  it('is used from the keyboard: Tab moves through the fields, Enter in a field saves', async () => {
    const { el, api } = await mount();
    input(el, 'email').focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('name')).to.equal('phone');
    await sendKeys({ type: '+55 19 3234-5677' });
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'Shift+End' });
    await sendKeys({ type: '+55 19 3234-5677' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(lastCall(api, 'updateProfile').args[1]).to.deep.equal({ values: { phone: '+551932345677' } });
  });

  it('speaks Spanish with "usted": NIF/NIE, euros, Spanish phones', async () => {
    const { el } = await mount({ state: 'spanish', locale: 'es' });
    expect(root(el).querySelector('h2')!.textContent).to.equal('Mis datos personales');
    expect(norm(part(el, 'confirm-banner')!.textContent)).to.contain('Revise sus datos y confirme que son correctos').and.contain('Clínica Sol le pide que confirme sus datos.');
    expect(norm(field(el, 'taxId').textContent)).to.contain('NIF / NIE X1234567L');
    expect(input(el, 'phone').value).to.equal('+34 912 345 678');
    await type(el, 'mobile', '612 34 56 79');
    expect(input(el, 'mobile').value, 'a national number gets Spain’s code').to.equal('+34 612 345 679');
    await type(el, 'email', 'lucia@');
    expect(problemOf(el, 'email')).to.equal('! Correo electrónico: escriba una dirección como nombre@ejemplo.com.');
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px wide phone: nothing wider than the panel', async () => {
    const { el } = await mount({ width: 320, state: 'confirmation-required' });
    await click(el, part(el, 'privacy-open'));
    const base = part(el, 'base')!;
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    for (const name of ['form', 'address', 'confirm-banner', 'my-data', 'privacy-form']) {
      const element = part(el, name)!;
      expect(element.scrollWidth, name).to.be.at.most(element.clientWidth + 1);
    }
    await expect(el).to.be.accessible();
  });

  it('forgets the previous person’s edits and answers when someone else signs in', async () => {
    const { el, runtime, api } = await mount();
    await type(el, 'phone', '12');
    await click(el, part(el, 'privacy-open'));
    runtime.runtime.signedIn(profileSessionFor('company'));
    await settle(el);
    expect(lastCall(api, 'getProfile').args[1]).to.deep.equal({ accountId: PROFILE_ACCOUNTS.horizonte, locale: 'en' });
    expect(problemOf(el, 'phone')).to.equal('');
    expect(markup(part(el, 'privacy-form'))).to.equal('');
  });
});

describe('profile values: tax ids, phones, money (no library)', () => {
  it('checks CPF, CNPJ, NIF and NIE by their check digits, and writes CPF and CNPJ as people do', () => {
    expect(['529.982.247-25', '11144477735'].map((v) => isValidTaxId('cpf', v))).to.deep.equal([true, true]);
    expect(['529.982.247-24', '111.111.111-11', '5299822472'].map((v) => isValidTaxId('cpf', v))).to.deep.equal([false, false, false]);
    expect([isValidTaxId('cnpj', '11.222.333/0001-81'), isValidTaxId('cnpj', '11.222.333/0001-82')]).to.deep.equal([true, false]);
    expect([isValidTaxId('nif', '12345678Z'), isValidTaxId('nif', '12345678A'), isValidTaxId('nie', 'X1234567L'), isValidTaxId('nie', 'x-1234567-l'), isValidTaxId('nie', 'X1234567A')]).to.deep.equal([true, false, true, true, false]);
    expect([formatTaxId('52998224725', ['cpf']), formatTaxId('11222333000181', ['cnpj']), formatTaxId('x1234567l', ['nif', 'nie'])]).to.deep.equal(['529.982.247-25', '11.222.333/0001-81', 'X1234567L']);
  });

  it('reads phones as written into E.164, and refuses what is not one', () => {
    expect(['+55 19 3234-5610', '(19) 3234-5610', '019 3234 5610', '0055 19 99123-4567', '+34 912 345 678'].map((v) => toE164(v, '55'))).to.deep.equal([
      '+551932345610',
      '+551932345610',
      '+551932345610',
      '+5519991234567',
      '+34912345678',
    ]);
    expect(toE164('612 34 56 78', '34')).to.equal('+34612345678');
    expect(['3234-5610', '+55 19 3234', 'call me', '+0 123 456 789', '19 3234-5610 ext 2'].map((v) => toE164(v, '55'))).to.deep.equal([undefined, undefined, undefined, undefined, undefined]);
    expect([formatPhone('+551932345610'), formatPhone('+5519991234567'), formatPhone('+34912345678'), formatPhone('+14155550123')]).to.deep.equal([
      '+55 19 3234-5610',
      '+55 19 99123-4567',
      '+34 912 345 678',
      '+14155550123',
    ]);
  });

  it('reads money in the reader’s locale into whole minor units, without floats, and refuses the ambiguous', () => {
    expect(['1.500.000,00', 'R$ 1.500.000', '1500000,5', '0,29', '-12,30'].map((v) => parseMoney(v, 'BRL', 'pt-BR'))).to.deep.equal([150_000_000, 150_000_000, 150_000_050, 29, -1230]);
    expect(['1,500,000.00', '0.29', '1500'].map((v) => parseMoney(v, 'BRL', 'en'))).to.deep.equal([150_000_000, 29, 150_000]);
    expect(['1500.5', '1,5,0', '1,234', '12,345', 'abc', '1.50,00'].map((v) => parseMoney(v, 'BRL', 'pt-BR'))).to.deep.equal([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(parseMoney('€ 2.500,75', 'EUR', 'es')).to.equal(250_075);
    expect([formatMoneyInput(150_000_000, 'BRL', 'pt-BR'), formatMoneyInput(29, 'BRL', 'en'), formatMoneyInput(250_075, 'EUR', 'es')]).to.deep.equal(['1.500.000,00', '0.29', '2500,75']);
    expect([parseNumber('1.234,5', 'pt-BR'), parseNumber('120', 'en'), parseNumber('1,2', 'en')]).to.deep.equal([1234.5, 120, undefined]);
  });
});

describe('HttpPortalApi: profile calls', () => {
  const api = new HttpPortalApi('https://portal.example.com/', 'clinica-sol');
  const http = recordFetch();
  const query = { accountId: PROFILE_ACCOUNTS.ana, locale: 'pt-BR' };

  it('reads the profile with the account, the language, the token and the tenant', async () => {
    http.answer = jsonAnswer({ fields: [] });
    await api.getProfile('tok', query);
    expect([http.sent[0]!.method, http.sent[0]!.url]).to.deep.equal(['GET', `https://portal.example.com/api/portal/profile?accountId=${PROFILE_ACCOUNTS.ana}&locale=pt-BR`]);
    expect(http.sent[0]!.headers).to.include({ Authorization: 'Bearer tok', 'X-Portal-Tenant': 'clinica-sol' });
    await api.getProfile('tok', {});
    expect(http.sent[1]!.url, 'no account named: the session’s').to.equal('https://portal.example.com/api/portal/profile');
  });

  it('changes by PATCH with only the values, confirms and asks for privacy by POST', async () => {
    http.answer = jsonAnswer({ saved: ['phone'], pending: [], profile: {} });
    const result = await api.updateProfile('tok', { values: { phone: '+551932345620' } }, query);
    expect([http.sent[0]!.method, http.sent[0]!.url, http.sent[0]!.body]).to.deep.equal([
      'PATCH',
      `https://portal.example.com/api/portal/profile?accountId=${PROFILE_ACCOUNTS.ana}&locale=pt-BR`,
      { values: { phone: '+551932345620' } },
    ]);
    expect(http.sent[0]!.headers).to.include({ 'Content-Type': 'application/json', Authorization: 'Bearer tok' });
    expect(result.saved).to.deep.equal(['phone']);
    http.answer = jsonAnswer({ confirmation: { required: false } });
    await api.confirmProfile('tok', query);
    expect([http.sent[1]!.method, http.sent[1]!.url]).to.deep.equal(['POST', `https://portal.example.com/api/portal/profile/confirm?accountId=${PROFILE_ACCOUNTS.ana}&locale=pt-BR`]);
    http.answer = jsonAnswer({ requestId: 'r1', deadline: '2026-12-09T12:00:00.000Z' }, 201);
    const answer = await api.requestPrivacy('tok', { kind: 'correction', details: 'Meu endereço mudou.' }, query);
    expect([http.sent[2]!.method, http.sent[2]!.url, http.sent[2]!.body]).to.deep.equal([
      'POST',
      `https://portal.example.com/api/portal/profile/privacy-requests?accountId=${PROFILE_ACCOUNTS.ana}`,
      { kind: 'correction', details: 'Meu endereço mudou.' },
    ]);
    expect(answer).to.deep.equal({ requestId: 'r1', deadline: '2026-12-09T12:00:00.000Z' });
  });

  it('downloads the export with the token, named as the server names it', async () => {
    http.answer = () => new Response('{"values":{}}', { headers: { 'Content-Type': 'application/json', 'Content-Disposition': 'attachment; filename="my-data-2026-11-24.json"' } });
    const file = await api.downloadProfileExport('tok', query);
    expect(http.sent[0]!.url).to.equal(`https://portal.example.com/api/portal/profile/export?accountId=${PROFILE_ACCOUNTS.ana}`);
    expect(http.sent[0]!.headers).to.include({ Authorization: 'Bearer tok', 'X-Portal-Tenant': 'clinica-sol' });
    expect([file.name, file.type]).to.deep.equal(['my-data-2026-11-24.json', 'application/json']);
  });

  it('carries the fields of invalid_input, field_not_editable and profile_incomplete', async () => {
    const errors = [{ path: 'values.address.city', message: 'must not be empty' }];
    http.answer = jsonAnswer({ code: 'invalid_input', status: 400, detail: 'Some values are not valid', errors }, 400);
    const invalid = (await api.updateProfile('tok', { values: { address: {} } }, query).catch((e: ApiError) => e)) as ApiError;
    expect([invalid.code, invalid.status, invalid.fields]).to.deep.equal(['invalid_input', 400, errors]);
    http.answer = jsonAnswer({ code: 'profile_incomplete', status: 422, detail: 'Fill in', errors: [{ path: 'values.name', message: 'is required' }] }, 422);
    const incomplete = (await api.confirmProfile('tok', query).catch((e: ApiError) => e)) as ApiError;
    expect([incomplete.code, incomplete.fields]).to.deep.equal(['profile_incomplete', [{ path: 'values.name', message: 'is required' }]]);
  });
});
