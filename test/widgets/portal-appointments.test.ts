/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/appointments/portal-appointments.ts';
import type { PortalAppointments } from '../../widgets/appointments/portal-appointments.ts';
import { ApiError, HttpPortalApi, type AppointmentListQuery, type NewBooking, type NewProposal, type Slot, type SlotsQuery } from '../../widgets/core/api-client.ts';
import {
  APPOINTMENTS_NOW,
  PROVIDER_IDS,
  appointmentCalls,
  clinicaSolAppointments,
  fixtureAppointment,
  fixtureSession,
  fixtureTenant,
  memoryAppointments,
  provideFixtureRuntime,
  type AppointmentData,
  type AppointmentState,
  type FixtureApi,
} from '../../widgets/core/fixtures.ts';
import { zonedInstant, zonedIso, zoneOffsetMinutes } from '../../widgets/core/format.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import type * as Server from '../../server/features/appointments/schemas.ts';
import type { z } from 'zod';
import { jsonAnswer, recordFetch } from './fetch-recorder.ts';

// The widget's own query and body types: this fails the type-check if they stop matching the server's inputs (the
// same names, besides the establishment the widget never sends and the locale every portal list takes).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrorsServer: [
  Same<keyof SlotsQuery, keyof z.input<typeof Server.slotsQuery>>,
  Same<keyof NewBooking, Exclude<keyof z.input<typeof Server.bookInput>, 'establishmentId'>>,
  Same<keyof NewProposal, Exclude<keyof z.input<typeof Server.proposalInput>, 'establishmentId'>>,
  Same<Exclude<keyof AppointmentListQuery, 'locale'>, keyof z.input<typeof Server.listQuery>>,
] = [true, true, true, true];
void mirrorsServer;

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];
const now = () => new Date(APPOINTMENTS_NOW);
const ONE_ACCOUNT = [{ id: 'a1', name: 'Metalúrgica Horizonte Ltda', kind: 'company' as const, establishments: 'all' as const }];
const CONTACT = '(19) 3234-5610 · agenda@clinicasol.example';

interface MountOptions {
  state?: AppointmentState;
  /** Changes Clínica Sol's agenda before the fixture server answers from it. */
  data?: (data: AppointmentData) => void;
  calls?: Calls;
  locale?: Locale;
  width?: number;
  service?: string;
  signedIn?: boolean;
  tenantTimeZone?: string;
}

async function mount(options: MountOptions = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`max-width: ${options.width ?? 720}px`}></div>`);
  let appointments = appointmentCalls(options.state, { now });
  if (options.data) {
    const data = clinicaSolAppointments();
    options.data(data);
    appointments = memoryAppointments(data, { now });
  }
  const session = fixtureSession({ accountId: 'a1', accounts: ONE_ACCOUNT });
  const provided = provideFixtureRuntime(wrapper, { tenant: fixtureTenant(options.tenantTimeZone ? { timeZone: options.tenantTimeZone } : {}) }, {
    locale: options.locale ?? 'en',
    auth: { ...((options.signedIn ?? true) ? { refresh: async () => session } : {}), ...appointments, ...options.calls },
  });
  const el = document.createElement('portal-appointments') as PortalAppointments;
  el.clock = now;
  if (options.service) el.service = options.service;
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
const root = (el: PortalAppointments) => el.shadowRoot!;
/** Text with runs of white space (Intl's narrow no-break spaces too) as one space. */
const norm = (value: string | null | undefined) => (value ?? '').replace(/[\s\u202f]+/g, ' ').trim();
const text = (el: PortalAppointments) => norm(root(el).textContent);
const part = (el: PortalAppointments, name: string) => root(el).querySelector<HTMLElement>(`[part~=${name}]`);
const button = (scope: ParentNode, label: string) => [...scope.querySelectorAll('button')].find((b) => norm(b.textContent).includes(label));
const calls = (api: FixtureApi, name: string) => api.log.filter((c) => c.name === name);
const lastCall = (api: FixtureApi, name: string) => calls(api, name).at(-1)!;
const markup = (element: Element | null | undefined) => element?.outerHTML ?? '';
const cell = (el: PortalAppointments, date: string) => root(el).querySelector<HTMLElement>(`td[data-date="${date}"]`)!;
const tabStop = (el: PortalAppointments) => root(el).querySelector<HTMLElement>('td[tabindex="0"]')!.dataset.date;
const focused = (el: PortalAppointments) => root(el).activeElement as HTMLElement | null;
const monthTitle = (el: PortalAppointments) => part(el, 'month')!.textContent;
const times = (el: PortalAppointments) => [...root(el).querySelectorAll('[part~=time]')].map((b) => norm(b.textContent));
const live = (el: PortalAppointments) => norm(root(el).querySelector('header + [role=status]')!.textContent);
const items = (el: PortalAppointments) => [...root(el).querySelectorAll<HTMLElement>('[part~=appointment]')];
const item = (el: PortalAppointments, id: string) => root(el).querySelector<HTMLElement>(`[part~=appointment][data-id="${id}"]`)!;

async function choose(el: PortalAppointments, selector: string, value: string) {
  const field = root(el).querySelector<HTMLSelectElement | HTMLInputElement>(selector)!;
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}
async function press(el: PortalAppointments, key: string) {
  await sendKeys({ press: key });
  await settle(el);
}
async function click(el: PortalAppointments, target: HTMLElement | undefined) {
  expect(target, 'the element to click').to.exist;
  target!.click();
  await settle(el);
}
/** Chooses a day in the calendar (showing its month first) and a free time. */
async function pickTime(el: PortalAppointments, date: string, time: string) {
  for (let months = 0; !cell(el, date) && months < 3; months++) await click(el, root(el).querySelector<HTMLElement>('[part~=month-button][data-move="1"]')!);
  await click(el, cell(el, date));
  await click(el, [...root(el).querySelectorAll<HTMLElement>('[part~=time]')].find((b) => norm(b.textContent) === time));
}

describe('<portal-appointments>', () => {
  it('asks a signed-out visitor to sign in, and asks the server nothing', async () => {
    const { el, api } = await mount({ signedIn: false });
    expect(text(el)).to.contain('Sign in to book and see your appointments.');
    expect(api.log.filter((c) => c.name !== 'refresh').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows a progress indicator while loading', async () => {
    const { el } = await mount({ state: 'loading' });
    expect(root(el).querySelector('[part~=status][role=status] progress')).to.exist;
    expect(text(el)).to.contain('Loading…');
    expect(markup(part(el, 'calendar'))).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('says what went wrong, and tries again', async () => {
    let fail = true;
    const catalog = appointmentCalls('normal', { now }).appointmentCatalog;
    const { el, api } = await mount({ calls: { appointmentCatalog: (...args) => (fail ? Promise.reject(new ApiError('network_error', 0, '')) : catalog(...args)) } });
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(text(el)).to.contain('We could not reach the portal. Check your connection and try again.');
    await expect(el).to.be.accessible();
    fail = false;
    await click(el, button(part(el, 'error')!, 'Try again'));
    expect(calls(api, 'appointmentCatalog').length).to.equal(2);
    expect(part(el, 'choice')).to.exist;
  });

  it('S1: asks for the catalog of the account, names the time zone, and shows the month with the days that have free times', async () => {
    const { el, api } = await mount({ service: 'audiometria' });
    expect(lastCall(api, 'appointmentCatalog').args.slice(0, 2)).to.deep.equal(['fixture.access.token', { accountId: 'a1', locale: 'en' }]);
    expect(norm(part(el, 'time-zone')!.textContent)).to.equal('Times in Brasilia Standard Time (Sao Paulo)');
    expect(lastCall(api, 'appointmentSlots').args[1]).to.deep.equal({ service: 'audiometria', from: '2026-11-01', to: '2026-11-30', accountId: 'a1' });
    expect(monthTitle(el)).to.equal('November 2026');
    const grid = part(el, 'grid')!;
    expect(grid.getAttribute('role')).to.equal('grid');
    expect(grid.getAttribute('aria-labelledby')).to.equal('month-title');
    expect([...grid.querySelectorAll('th')].map((th) => th.getAttribute('abbr'))).to.deep.equal(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    // Today (Tuesday 24, 09:00 there) still has afternoon times after the two hours' notice; the weekend has none.
    expect(cell(el, '2026-11-24').getAttribute('aria-current')).to.equal('date');
    expect(cell(el, '2026-11-24').getAttribute('aria-disabled')).to.equal('false');
    expect(norm(cell(el, '2026-11-24').textContent)).to.equal('24 Tuesday, November 24, 2026, today: 12 free times');
    expect(cell(el, '2026-11-28').getAttribute('aria-disabled')).to.equal('true');
    expect(norm(cell(el, '2026-11-28').textContent)).to.contain('no free times');
    expect(cell(el, '2026-11-23').getAttribute('aria-disabled'), 'a past day').to.equal('true');
    expect(tabStop(el), 'the first day with free times holds the tab stop').to.equal('2026-11-24');
    expect(root(el).querySelectorAll('td[tabindex="0"]').length).to.equal(1);
    expect(root(el).querySelector<HTMLButtonElement>('[part~=month-button][data-move="-1"]')!.disabled, 'no month before this one').to.equal(true);
    expect(norm(root(el).querySelector('[part~=calendar] [role=status]')!.textContent)).to.equal('November 2026: 5 days with free times');
    await expect(el).to.be.accessible();
  });

  it('the calendar moves by day, week, week end and month from the keyboard, and Enter chooses', async () => {
    const { el, api } = await mount({ service: 'audiometria' });
    cell(el, tabStop(el)!).focus();
    await press(el, 'ArrowRight');
    expect([tabStop(el), focused(el)?.dataset.date]).to.deep.equal(['2026-11-25', '2026-11-25']);
    await press(el, 'ArrowLeft');
    expect(focused(el)?.dataset.date).to.equal('2026-11-24');
    await press(el, 'ArrowDown');
    expect(focused(el)?.dataset.date).to.equal('2026-12-01');
    expect(monthTitle(el), 'a week down crosses into December').to.equal('December 2026');
    expect(lastCall(api, 'appointmentSlots').args[1]).to.deep.equal({ service: 'audiometria', from: '2026-12-01', to: '2026-12-31', accountId: 'a1' });
    expect(norm(root(el).querySelector('[part~=calendar] [role=status]')!.textContent)).to.match(/^December 2026: \d+ days with free times$/);
    await press(el, 'End');
    expect(focused(el)?.dataset.date, 'End: the week’s Saturday').to.equal('2026-12-05');
    await press(el, 'Enter');
    expect(cell(el, '2026-12-05').getAttribute('aria-selected'), 'a day without free times cannot be chosen').to.equal('false');
    await press(el, 'Home');
    expect(focused(el)?.dataset.date, 'Home: the week’s Sunday').to.equal('2026-11-29');
    expect(monthTitle(el)).to.equal('November 2026');
    await press(el, 'PageDown');
    expect([monthTitle(el), focused(el)?.dataset.date]).to.deep.equal(['December 2026', '2026-12-29']);
    await press(el, 'PageUp');
    await press(el, 'PageUp');
    expect([monthTitle(el), focused(el)?.dataset.date], 'no month before the current one').to.deep.equal(['November 2026', '2026-11-29']);
    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp');
    expect(focused(el)?.dataset.date).to.equal('2026-11-15');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    expect(focused(el)?.dataset.date).to.equal('2026-12-08');
    await press(el, ' ');
    expect(cell(el, '2026-12-08').getAttribute('aria-selected')).to.equal('true');
    expect(part(el, 'grid')!.querySelectorAll('[aria-selected=true]').length).to.equal(1);
    expect(focused(el)?.id, 'focus goes on to the day’s times').to.equal('times-title');
    expect(norm(focused(el)?.textContent)).to.equal('Free times on Tuesday, December 8, 2026');
    expect(times(el).slice(0, 3)).to.deep.equal(['8:00 AM', '8:20 AM', '8:40 AM']);
    await expect(el).to.be.accessible();
  });

  it('books in two steps: a free time, then confirm; says so, tells the page and lists it', async () => {
    const { el, api } = await mount({ service: 'audiometria' });
    await pickTime(el, '2026-12-01', '9:20 AM');
    expect(focused(el)?.id).to.equal('confirm-title');
    expect(norm(focused(el)?.textContent)).to.equal('Book Audiometry with Sala de exames on Tue, Dec 1 at 9:20 AM?');
    expect(norm(part(el, 'confirm')!.textContent)).to.contain('20 min');
    const attendee = root(el).querySelector<HTMLInputElement>('[part~=confirm] input[name=attendee]')!;
    expect(norm(attendee.labels![0]!.textContent), 'a company books for its employees').to.contain('Who will attend? (optional)');
    attendee.value = '  Carlos Eduardo Souza ';
    attendee.dispatchEvent(new Event('input'));
    expect(markup(part(el, 'calendar')), 'the calendar steps aside while confirming').to.equal('');
    await expect(el).to.be.accessible();
    const booked = oneEvent(el, 'portal-appointment-booked');
    await click(el, part(el, 'confirm-button')!);
    const event = await booked;
    expect(lastCall(api, 'bookAppointment').args[1]).to.deep.equal({ service: 'audiometria', providerId: PROVIDER_IDS.sala, start: '2026-12-01T12:20:00.000Z', attendee: 'Carlos Eduardo Souza', accountId: 'a1' });
    expect([event.detail.start, event.detail.service.key, event.bubbles, event.composed]).to.deep.equal(['2026-12-01T12:20:00.000Z', 'audiometria', true, true]);
    expect(focused(el)?.id).to.equal('booked-title');
    expect(norm(part(el, 'booked')!.textContent)).to.contain('Appointment booked').and.contain('Audiometry with Sala de exames, Tue, Dec 1, 2026, 9:20 AM.');
    expect(norm(part(el, 'booked')!.textContent)).to.contain('For Carlos Eduardo Souza').and.contain('Can be cancelled online until Mon, Nov 30, 2026, 9:20 AM.');
    expect(button(part(el, 'booked')!, 'Download authorization guide')).to.exist;
    expect(live(el)).to.equal('Booked: Audiometry with Sala de exames, Tue, Dec 1, 2026, 9:20 AM.');
    expect(items(el).map((i) => i.querySelector('[part~=when]')!.getAttribute('datetime'))).to.include('2026-12-01T12:20:00.000Z');
    await expect(el).to.be.accessible();
    await click(el, button(part(el, 'booked')!, 'Book another appointment'));
    expect(focused(el)?.getAttribute('name')).to.equal('service');
    expect(part(el, 'calendar')).to.exist;
    expect(markup(cell(el, '2026-12-01') ?? null), 'back to the current month').to.equal('');
  });

  it('"Choose another time" goes back to the times of the day', async () => {
    const { el, api } = await mount({ service: 'audiometria' });
    await pickTime(el, '2026-12-01', '9:20 AM');
    await click(el, button(part(el, 'confirm')!, 'Choose another time'));
    expect(focused(el)?.id).to.equal('times-title');
    expect(cell(el, '2026-12-01').getAttribute('aria-selected')).to.equal('true');
    expect(calls(api, 'bookAppointment').length).to.equal(0);
  });

  it('a time just taken by someone else: says so, and shows the day’s fresh free times', async () => {
    const { el, api } = await mount({ state: 'slot-taken', service: 'audiometria' });
    await pickTime(el, '2026-12-01', '9:20 AM');
    const before = calls(api, 'appointmentSlots').length;
    await click(el, part(el, 'confirm-button')!);
    expect(focused(el)?.id).to.equal('times-title');
    expect(norm(part(el, 'notice')!.textContent)).to.equal('! That time was just taken by someone else. Here are the times still free that day.');
    expect(live(el)).to.equal('That time was just taken by someone else. Here are the times still free that day.');
    expect(times(el)).not.to.include('9:20 AM');
    expect(times(el)).to.include('9:00 AM').and.include('9:40 AM');
    expect(calls(api, 'appointmentSlots').length, 'the fresh times came with the answer').to.equal(before);
    expect(cell(el, '2026-12-01').getAttribute('aria-selected')).to.equal('true');
    await expect(el).to.be.accessible();
    await click(el, [...root(el).querySelectorAll<HTMLElement>('[part~=time]')].find((b) => norm(b.textContent) === '9:40 AM'));
    await click(el, part(el, 'confirm-button')!);
    expect(lastCall(api, 'bookAppointment').args[1], 'no attendee named: none sent').to.deep.equal({ service: 'audiometria', providerId: PROVIDER_IDS.sala, start: '2026-12-01T12:40:00.000Z', accountId: 'a1' });
    expect(part(el, 'booked')).to.exist;
  });

  it('with several providers, "any provider" shows each time once and books the one free then; a provider narrows the search', async () => {
    const { el, api } = await mount({ service: 'consulta-ocupacional' });
    const providers = root(el).querySelector<HTMLSelectElement>('select[name=provider]')!;
    expect([...providers.options].map((o) => o.textContent)).to.deep.equal(['Any provider', 'Dra. Helena Prado', 'Dr. Marcos Teixeira']);
    await click(el, cell(el, '2026-11-26'));
    expect(times(el)[0]).to.equal('8:00 AM');
    expect(times(el)).to.include('1:00 PM');
    expect(new Set(times(el)).size).to.equal(times(el).length);
    await click(el, [...root(el).querySelectorAll<HTMLElement>('[part~=time]')].find((b) => norm(b.textContent) === '1:00 PM'));
    expect(norm(root(el).getElementById('confirm-title')!.textContent)).to.equal('Book Occupational health consultation with Dr. Marcos Teixeira on Thu, Nov 26 at 1:00 PM?');
    await click(el, button(part(el, 'confirm')!, 'Choose another time'));
    await choose(el, 'select[name=provider]', PROVIDER_IDS.helena);
    expect(lastCall(api, 'appointmentSlots').args[1]).to.deep.equal({ service: 'consulta-ocupacional', provider: PROVIDER_IDS.helena, from: '2026-11-01', to: '2026-11-30', accountId: 'a1' });
    expect(markup(part(el, 'times')), 'another provider: the day is chosen again').to.equal('');
    await expect(el).to.be.accessible();
  });

  it('asks to choose a service first when there are several and the page named none', async () => {
    const { el, api } = await mount();
    const select = root(el).querySelector<HTMLSelectElement>('select[name=service]')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Choose a service', 'Occupational health consultation — 30 min', 'Audiometry — 20 min']);
    expect(calls(api, 'appointmentSlots').length).to.equal(0);
    expect(text(el)).to.contain('Choose a service to see the days with free times.');
    await choose(el, 'select[name=service]', 'audiometria');
    expect(lastCall(api, 'appointmentSlots').args[1]).to.include({ service: 'audiometria' });
    expect(part(el, 'calendar')).to.exist;
  });

  it('S5: fully booked until a day: says until when, and goes to the next free day', async () => {
    const { el } = await mount({ state: 'fully-booked', service: 'audiometria' });
    const unavailable = part(el, 'unavailable')!;
    expect(unavailable.dataset.reason).to.equal('fully-booked');
    expect(norm(unavailable.textContent)).to.contain('Every time is taken until Sunday, December 13, 2026.').and.contain(CONTACT);
    expect(part(el, 'grid'), 'the calendar still shows').to.exist;
    expect(root(el).querySelectorAll('td[data-free=true]').length).to.equal(0);
    await expect(el).to.be.accessible();
    await click(el, part(el, 'next-free')!);
    expect(norm(part(el, 'next-free')?.textContent ?? 'Show the next free day: Mon, Dec 14')).to.equal('Show the next free day: Mon, Dec 14');
    expect(monthTitle(el)).to.equal('December 2026');
    expect(cell(el, '2026-12-14').getAttribute('aria-selected')).to.equal('true');
    expect(focused(el)?.id).to.equal('times-title');
    expect(times(el)[0]).to.equal('8:00 AM');
  });

  it('S5: no hours for a service: no calendar, whom to contact', async () => {
    const { el } = await mount({ state: 'no-hours', service: 'audiometria' });
    expect(part(el, 'unavailable')!.dataset.reason).to.equal('no-hours');
    expect([...part(el, 'unavailable')!.querySelectorAll('p')].map((p) => norm(p.textContent))).to.deep.equal([
      'This service has no opening hours for online booking yet.',
      `To make an appointment, contact: ${CONTACT}`,
    ]);
    expect(markup(part(el, 'grid'))).to.equal('');
    await expect(el).to.be.accessible();
    await choose(el, 'select[name=service]', 'consulta-ocupacional');
    expect(part(el, 'grid'), 'another service has hours').to.exist;
  });

  it('S5: a month the server says is not bookable online (the mode changed meanwhile) says what to do instead', async () => {
    const slots = appointmentCalls('normal', { now }).appointmentSlots;
    const { el, api } = await mount({
      service: 'audiometria',
      calls: { appointmentSlots: async (...args) => ({ ...(await slots(...args)), unavailable: { reason: 'request-only' }, nextFree: null }) },
    });
    expect(part(el, 'unavailable')!.dataset.reason).to.equal('request-only');
    expect(markup(part(el, 'grid'))).to.equal('');
    await expect(el).to.be.accessible();
    await click(el, button(part(el, 'unavailable')!, 'Propose times'));
    expect(calls(api, 'appointmentCatalog').length, 'the settings load again').to.equal(2);
  });

  it('booking off: a polite explanation and the contact; the list still shows', async () => {
    const { el, api } = await mount({ state: 'booking-off' });
    expect([...part(el, 'off')!.querySelectorAll('p')].map((p) => norm(p.textContent))).to.deep.equal([
      'Clínica Sol does not take bookings in the portal.',
      `To make an appointment, contact: ${CONTACT}`,
    ]);
    expect(calls(api, 'appointmentSlots').length).to.equal(0);
    expect(items(el).length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('S2: upcoming appointments soonest first, with when, who, status, guide and the cancelling deadline; past ones on their tab', async () => {
    const { el, api } = await mount();
    expect(lastCall(api, 'listAppointments').args[1]).to.deep.equal({ when: 'upcoming', limit: 10, locale: 'en' });
    const [tomorrow, exam] = items(el);
    expect(norm(tomorrow!.querySelector('[part~=when]')!.textContent)).to.equal('Wed, Nov 25, 2026, 8:00 – 8:30 AM');
    expect(norm(tomorrow!.textContent)).to.contain('Occupational health consultation').and.contain('Dra. Helena Prado').and.contain('✓ Booked');
    expect(norm(tomorrow!.querySelector('[part~=attendee]')!.textContent)).to.equal('For Juliana Pereira');
    expect(norm(tomorrow!.querySelector('[part~=deadline]')!.textContent)).to.equal(`Cancelling online closed at Tue, Nov 24, 2026, 8:00 AM. To cancel, contact ${CONTACT}.`);
    expect(markup(tomorrow!.querySelector('[part~=cancel]')), 'too late to cancel online').to.equal('');
    expect(norm(exam!.querySelector('[part~=when]')!.textContent)).to.equal('Thu, Dec 3, 2026, 8:20 – 8:40 AM');
    expect(norm(exam!.querySelector('[part~=deadline]')!.textContent)).to.equal('Can be cancelled online until Wed, Dec 2, 2026, 8:20 AM.');
    expect(norm(exam!.querySelector('[part~=guide]')!.textContent)).to.equal('Download authorization guide: Audiometry');
    expect(norm(exam!.querySelector('[part~=cancel]')!.textContent)).to.equal('Cancel: Audiometry, Thu, Dec 3, 2026, 8:20 AM');
    await expect(el).to.be.accessible();

    root(el).getElementById('tab-upcoming')!.focus();
    await press(el, 'ArrowRight');
    expect(focused(el)?.id).to.equal('tab-past');
    expect(lastCall(api, 'listAppointments').args[1]).to.deep.equal({ when: 'past', limit: 10, locale: 'en' });
    const [cancelled, past] = items(el);
    expect(cancelled!.dataset.status).to.equal('cancelled');
    expect(norm(cancelled!.textContent)).to.contain('× Cancelled').and.contain('Cancelled on Thu, Nov 5, 2026, 9:10 AM.');
    expect(norm(past!.textContent)).to.contain('Wed, Oct 14, 2026, 8:30 – 9:00 AM').and.contain('✓ Booked');
    expect(root(el).querySelectorAll('[part~=panel] [part~=cancel], [part~=panel] [part~=deadline]').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('S3: cancels after a confirmation dialog, tells the page and says so', async () => {
    const { el, api } = await mount();
    const cancel = item(el, 'ap-audiometria').querySelector<HTMLElement>('[part~=cancel]')!;
    cancel.focus();
    await click(el, cancel);
    const dialog = part(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(norm(dialog.textContent)).to.contain('Cancel this appointment?').and.contain('Audiometry with Sala de exames, Thu, Dec 3, 2026, 8:20 AM.');
    expect(norm(focused(el)?.textContent), 'the safe choice first').to.equal('Keep it');
    await expect(el).to.be.accessible();
    await press(el, 'Enter');
    expect(dialog.open).to.equal(false);
    expect(calls(api, 'cancelAppointment').length).to.equal(0);
    expect(focused(el) === cancel, 'focus back on the Cancel button').to.equal(true);

    await click(el, cancel);
    const cancelledEvent = oneEvent(el, 'portal-appointment-cancelled');
    await click(el, part(el, 'cancel-confirm')!);
    const event = await cancelledEvent;
    expect(lastCall(api, 'cancelAppointment').args).to.deep.equal(['fixture.access.token', 'ap-audiometria']);
    expect([event.detail.id, event.detail.status]).to.deep.equal(['ap-audiometria', 'cancelled']);
    expect(dialog.open).to.equal(false);
    expect(live(el)).to.equal('Cancelled: Audiometry, Thu, Dec 3, 2026, 8:20 AM.');
    expect(items(el).map((i) => i.dataset.id), 'gone from the upcoming ones').to.deep.equal(['ap-consulta-amanha']);
    expect(focused(el)?.id).to.equal('appointments-title');
    await expect(el).to.be.accessible();
  });

  it('S3: when the deadline passed meanwhile, says until when it was possible and whom to call', async () => {
    const { el } = await mount({ state: 'cancellation-closed' });
    await click(el, item(el, 'ap-audiometria').querySelector<HTMLElement>('[part~=cancel]')!);
    await click(el, part(el, 'cancel-confirm')!);
    expect((part(el, 'dialog') as HTMLDialogElement).open).to.equal(false);
    const exam = item(el, 'ap-audiometria');
    const message = exam.querySelector<HTMLElement>('[part~=error]')!;
    expect(norm(message.textContent)).to.equal(`Cancelling online was possible until Wed, Dec 2, 2026, 8:20 AM. To cancel now, contact ${CONTACT}.`);
    expect(focused(el) === message, 'focus on why').to.equal(true);
    expect(markup(exam.querySelector('[part~=cancel]')), 'no Cancel button any more').to.equal('');
    expect(exam.querySelector('[part~=guide]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('S4: downloads an exam’s authorization guide in the reader’s language', async () => {
    const { el, api, downloads } = await mount();
    await click(el, item(el, 'ap-audiometria').querySelector<HTMLElement>('[part~=guide]')!);
    expect(lastCall(api, 'downloadAppointmentGuide').args).to.deep.equal(['fixture.access.token', 'ap-audiometria', 'en']);
    expect(downloads.length).to.equal(1);
    expect(downloads[0]![0]).to.match(/^blob:/);
    expect(downloads[0]![1]).to.equal('guia-audiometria-2026-12-03.pdf');
    expect(live(el)).to.equal('Download started: guia-audiometria-2026-12-03.pdf.');
  });

  it('a refused guide download says why beside the appointment', async () => {
    const { el } = await mount({ calls: { downloadAppointmentGuide: () => Promise.reject(new ApiError('not_found', 404, '')) } });
    await click(el, item(el, 'ap-audiometria').querySelector<HTMLElement>('[part~=guide]')!);
    expect(norm(item(el, 'ap-audiometria').querySelector('[part~=error][role=alert]')!.textContent)).to.equal('This appointment is no longer available. Reload the page to see the current list.');
  });

  it('shows older pages with "Show more", focus on the first one shown', async () => {
    const many = (data: AppointmentData) => {
      data.appointments = Array.from({ length: 13 }, (_, i) => {
        const start = new Date(Date.parse('2026-12-01T11:00:00Z') + i * 86_400_000).toISOString();
        return fixtureAppointment({ id: `ap-${String(i).padStart(2, '0')}`, start, end: new Date(Date.parse(start) + 1_200_000).toISOString() });
      });
    };
    const { el, api } = await mount({ data: many });
    expect(items(el).length).to.equal(10);
    await click(el, part(el, 'more')!);
    expect(lastCall(api, 'listAppointments').args[1]).to.deep.equal({ when: 'upcoming', before: '10', limit: 10, locale: 'en' });
    expect(items(el).length).to.equal(13);
    expect(focused(el) === items(el)[10], 'focus on the first appointment shown').to.equal(true);
    expect(markup(part(el, 'more'))).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('says there is nothing upcoming, and nothing past', async () => {
    const { el } = await mount({ state: 'empty' });
    expect(norm(part(el, 'empty')!.textContent)).to.equal('You have no upcoming appointments.');
    await expect(el).to.be.accessible();
    await click(el, root(el).getElementById('tab-past')!);
    expect(norm(part(el, 'empty')!.textContent)).to.equal('You have no past appointments.');
  });

  it('S2: where the business hides appointments, shows booking only', async () => {
    const { el } = await mount({ state: 'appointments-hidden' });
    expect(markup(part(el, 'appointments'))).to.equal('');
    expect(part(el, 'choice')).to.exist;
    await expect(el).to.be.accessible();
    const { el: raced } = await mount({ calls: { listAppointments: () => Promise.reject(new ApiError('appointments_hidden', 403, '')) } });
    expect(markup(part(raced, 'appointments')), 'the server said so though the catalog did not').to.equal('');
    expect(markup(part(raced, 'error'))).to.equal('');
  });

  describe('request mode', () => {
    /** Fills the proposal form's choices: [day, time] each. */
    async function propose(el: PortalAppointments, choices: [string, string][], note = '') {
      for (let n = 1; n <= 3; n++) {
        const [date, time] = choices[n - 1] ?? ['', ''];
        root(el).querySelector<HTMLInputElement>(`[name=date-${n}]`)!.value = date;
        root(el).querySelector<HTMLInputElement>(`[name=time-${n}]`)!.value = time;
      }
      root(el).querySelector<HTMLTextAreaElement>('[name=note]')!.value = note;
      root(el).querySelector<HTMLFormElement>('[part~=proposal-form]')!.requestSubmit();
      await settle(el);
    }

    it('shows the form and the proposals sent, each with its status and a way to follow its request', async () => {
      const { el, api } = await mount({ state: 'request-mode' });
      expect(root(el).getElementById('booking-title')!.textContent).to.equal('Ask for an appointment');
      expect(calls(api, 'appointmentSlots').length).to.equal(0);
      expect(lastCall(api, 'listAppointmentProposals').args[1]).to.deep.equal({ locale: 'en' });
      const proposals = [...root(el).querySelectorAll<HTMLElement>('[part~=proposal]')];
      expect(proposals.map((p) => p.dataset.status)).to.deep.equal(['pending', 'refused']);
      expect(norm(proposals[0]!.textContent)).to.contain('Occupational health consultation').and.contain('Any provider').and.contain('… Pending');
      expect([...proposals[0]!.querySelectorAll('time')].map((t) => norm(t.textContent))).to.deep.equal(['Tue, Dec 1, 2026, 8:00 AM', 'Wed, Dec 2, 2026, 2:30 PM', 'Fri, Dec 4, 2026, 9:00 AM']);
      expect(norm(proposals[1]!.textContent)).to.contain('× Refused').and.contain('Reason: Não atendemos aos sábados.');
      const opened = oneEvent(el, 'portal-request-open');
      proposals[0]!.querySelector<HTMLElement>('[part~=follow]')!.click();
      const event = await opened;
      expect([event.detail, event.bubbles, event.composed]).to.deep.equal([{ id: 'r2' }, true, true]);
      expect(items(el).length, 'the list still shows').to.equal(2);
      await expect(el).to.be.accessible();
    });

    it('sends the times typed in the business’s zone with its offset, whatever the browser’s zone', async () => {
      const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const zone = browserZone === 'Europe/Madrid' ? 'America/Sao_Paulo' : 'Europe/Madrid';
      const offsets = zone === 'Europe/Madrid' ? ['+01:00', '+02:00'] : ['-03:00', '-03:00'];
      const { el, api } = await mount({
        state: 'request-mode',
        data: (data) => Object.assign(data, { timeZone: zone, settings: { ...data.settings, mode: 'request', horizonDays: 365 } }),
        tenantTimeZone: zone,
      });
      expect(norm(part(el, 'time-zone')!.textContent)).to.contain(zone.split('/')[1]!.replace('_', ' '));
      await choose(el, 'select[name=service]', 'consulta-ocupacional');
      await choose(el, 'select[name=provider]', PROVIDER_IDS.helena);
      await propose(el, [['2026-12-01', '09:00'], ['2027-07-01', '10:30']], 'Exame periódico.');
      expect(lastCall(api, 'proposeAppointment').args[1]).to.deep.equal({
        service: 'consulta-ocupacional',
        providerId: PROVIDER_IDS.helena,
        times: [`2026-12-01T09:00:00${offsets[0]}`, `2027-07-01T10:30:00${offsets[1]}`],
        note: 'Exame periódico.',
        accountId: 'a1',
      });
      expect(focused(el)?.id).to.equal('sent-title');
      expect(norm(part(el, 'sent')!.textContent)).to.contain('Proposal sent').and.contain('It is pending: Clínica Sol will confirm a time');
      expect(live(el)).to.equal('Proposal sent. It is pending until the business confirms a time.');
      const newest = root(el).querySelector<HTMLElement>('[part~=proposal]')!;
      expect(newest.dataset.status).to.equal('pending');
      expect(norm(newest.querySelector('time')!.textContent)).to.equal('Tue, Dec 1, 2026, 9:00 AM');
      expect(root(el).querySelector<HTMLInputElement>('[name=date-1]')!.value, 'the form is cleared').to.equal('');
      await expect(el).to.be.accessible();
    });

    it('says which choice to fix: none, half a choice, a time passed', async () => {
      const { el, api } = await mount({ state: 'request-mode', service: 'audiometria' });
      await propose(el, []);
      expect(norm(part(el, 'proposal-form')!.querySelector('[part~=error]')!.textContent)).to.equal('Choose a day and a time for your first choice.');
      expect(focused(el)?.getAttribute('name')).to.equal('date-1');
      expect(focused(el)?.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
      await propose(el, [['2026-11-24', '08:30'], ['2026-12-02', '']]);
      expect([...part(el, 'proposal-form')!.querySelectorAll('[part~=error] li')].map((li) => li.textContent)).to.deep.equal([
        'Choice 1 has already passed: choose a later time.',
        'Choose both a day and a time for choice 2.',
      ]);
      expect(root(el).querySelector('[name=time-2]')!.getAttribute('aria-describedby')).to.equal('time-2-problem');
      expect(calls(api, 'proposeAppointment').length).to.equal(0);
      await propose(el, [['2026-11-24', '15:00']]);
      expect(lastCall(api, 'proposeAppointment').args[1], 'a service with one provider names it').to.deep.equal({
        service: 'audiometria',
        providerId: PROVIDER_IDS.sala,
        times: ['2026-11-24T15:00:00-03:00'],
        accountId: 'a1',
      });
      expect(markup(part(el, 'proposal-form')!.querySelector('[part~=error]'))).to.equal('');
    });
  });

  it('speaks Spanish with "usted", its week starting on Monday', async () => {
    const { el } = await mount({ locale: 'es', service: 'audiometria' });
    expect(root(el).querySelector('h2')!.textContent).to.equal('Citas');
    expect(norm(part(el, 'time-zone')!.textContent)).to.equal('Zona horaria: hora estándar de Brasilia (Sao Paulo)');
    expect(root(el).querySelector('th')!.getAttribute('abbr')).to.equal('lunes');
    expect(monthTitle(el)).to.equal('noviembre de 2026');
    expect(text(el)).to.contain('Elija un día con horas libres');
    expect(norm(item(el, 'ap-audiometria').querySelector('[part~=deadline]')!.textContent)).to.equal('Puede cancelarla en línea hasta el mié, 2 dic 2026, 8:20.');
    await pickTime(el, '2026-12-01', '9:20');
    expect(norm(root(el).getElementById('confirm-title')!.textContent)).to.equal('¿Reservar Audiometría con Sala de exames el mar, 1 dic a las 9:20?');
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px wide phone: compact days, nothing wider than the panel', async () => {
    const { el } = await mount({ width: 320, service: 'consulta-ocupacional' });
    await click(el, cell(el, '2026-11-26'));
    const base = part(el, 'base')!;
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    for (const name of ['calendar', 'grid', 'times', 'choice', 'appointments', 'appointment']) {
      const element = part(el, name)!;
      expect(element.scrollWidth, name).to.be.at.most(element.clientWidth + 1);
    }
    expect(cell(el, '2026-11-26').getBoundingClientRect().width).to.be.at.least(32);
    await expect(el).to.be.accessible();
  });

  it('forgets the previous person’s choices when someone else signs in', async () => {
    const { el, runtime } = await mount({ service: 'audiometria' });
    await pickTime(el, '2026-12-01', '9:20 AM');
    runtime.runtime.signedIn(fixtureSession({ user: { id: 'u2', email: 'other@example.com', locale: null }, accountId: 'a1', accounts: ONE_ACCOUNT }));
    await settle(el);
    expect(markup(part(el, 'confirm'))).to.equal('');
    expect(monthTitle(el)).to.equal('November 2026');
    expect(part(el, 'grid')!.querySelectorAll('[aria-selected=true]').length).to.equal(0);
  });
});

describe('times in the business’s zone (Intl, no library)', () => {
  it('reads a wall-clock time in any zone, across daylight-saving changes, as Temporal’s "compatible" does', () => {
    const iso = (date: string, time: string, zone: string) => zonedIso(zonedInstant(date, time, zone), zone);
    expect(iso('2026-12-01', '09:20', 'America/Sao_Paulo')).to.equal('2026-12-01T09:20:00-03:00');
    expect(zonedInstant('2026-12-01', '09:20', 'America/Sao_Paulo').toISOString()).to.equal('2026-12-01T12:20:00.000Z');
    expect(iso('2026-12-01', '09:20', 'Europe/Madrid')).to.equal('2026-12-01T09:20:00+01:00');
    expect(iso('2026-07-01', '09:20', 'Europe/Madrid')).to.equal('2026-07-01T09:20:00+02:00');
    expect(iso('2026-03-29', '02:30', 'Europe/Madrid'), 'a skipped time moves on by the gap').to.equal('2026-03-29T03:30:00+02:00');
    expect(iso('2026-10-25', '02:30', 'Europe/Madrid'), 'a repeated time is the first').to.equal('2026-10-25T02:30:00+02:00');
    expect(iso('2026-03-08', '02:30', 'America/New_York')).to.equal('2026-03-08T03:30:00-04:00');
    expect(iso('2026-12-01', '09:20', 'Asia/Kolkata')).to.equal('2026-12-01T09:20:00+05:30');
    expect(zoneOffsetMinutes('Pacific/Chatham', Date.parse('2026-12-01T00:00:00Z'))).to.equal(13 * 60 + 45);
  });
});

describe('HttpPortalApi: appointment calls', () => {
  const api = new HttpPortalApi('https://portal.example.com/', 'clinica-sol');
  const http = recordFetch();
  const json = jsonAnswer;
  const slot: Slot = { start: '2026-12-01T12:40:00.000Z', end: '2026-12-01T13:00:00.000Z', providerId: PROVIDER_IDS.sala };

  it('asks for the catalog, the slots and the list with their query, the token and the tenant', async () => {
    http.answer = json({});
    await api.appointmentCatalog('tok', { accountId: 'a1', locale: 'pt-BR' });
    expect(http.sent[0]!.url).to.equal('https://portal.example.com/api/portal/appointments/catalog?accountId=a1&locale=pt-BR');
    expect(http.sent[0]!.headers).to.include({ Authorization: 'Bearer tok', 'X-Portal-Tenant': 'clinica-sol' });
    await api.appointmentSlots('tok', { service: 'audiometria', provider: PROVIDER_IDS.sala, from: '2026-12-01', to: '2026-12-31', accountId: 'a1' });
    expect(http.sent[1]!.url).to.equal(`https://portal.example.com/api/portal/appointments/slots?service=audiometria&provider=${PROVIDER_IDS.sala}&from=2026-12-01&to=2026-12-31&accountId=a1`);
    await api.appointmentSlots('tok', { service: 'audiometria', from: '2026-12-01', to: '2026-12-31' });
    expect(http.sent[2]!.url).to.equal('https://portal.example.com/api/portal/appointments/slots?service=audiometria&from=2026-12-01&to=2026-12-31');
    await api.listAppointments('tok', { when: 'past', before: 'cursor-00001', limit: 10, locale: 'es' });
    expect(http.sent[3]!.url).to.equal('https://portal.example.com/api/portal/appointments?when=past&before=cursor-00001&limit=10&locale=es');
    await api.listAppointmentProposals('tok', { locale: 'en' });
    expect(http.sent[4]!.url).to.equal('https://portal.example.com/api/portal/appointments/proposals?locale=en');
    expect(http.sent.every((sent) => sent.method === 'GET')).to.equal(true);
  });

  it('books, cancels and proposes by POST with JSON bodies', async () => {
    http.answer = json(fixtureAppointment(), 201);
    await api.bookAppointment('tok', { service: 'audiometria', providerId: PROVIDER_IDS.sala, start: slot.start, accountId: 'a1' });
    expect([http.sent[0]!.method, http.sent[0]!.url, http.sent[0]!.body]).to.deep.equal([
      'POST',
      'https://portal.example.com/api/portal/appointments',
      { service: 'audiometria', providerId: PROVIDER_IDS.sala, start: slot.start, accountId: 'a1' },
    ]);
    expect(http.sent[0]!.headers).to.include({ 'Content-Type': 'application/json', Authorization: 'Bearer tok' });
    http.answer = json(fixtureAppointment({ status: 'cancelled' }));
    expect((await api.cancelAppointment('tok', 'ap 1')).status).to.equal('cancelled');
    expect([http.sent[1]!.method, http.sent[1]!.url, http.sent[1]!.body]).to.deep.equal(['POST', 'https://portal.example.com/api/portal/appointments/ap%201/cancel', {}]);
    http.answer = json({ id: 'p1' }, 201);
    const proposal = { service: 'consulta-ocupacional', times: ['2026-12-01T09:00:00-03:00'], note: 'Manhã' };
    await api.proposeAppointment('tok', proposal);
    expect([http.sent[2]!.method, http.sent[2]!.url, http.sent[2]!.body]).to.deep.equal(['POST', 'https://portal.example.com/api/portal/appointments/proposals', proposal]);
  });

  it('downloads the guide with the token, named as the server names it', async () => {
    http.answer = () => new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), { headers: { 'Content-Disposition': 'attachment; filename="guide-7d0f3c52.pdf"' } });
    const file = await api.downloadAppointmentGuide('tok', 'ap-1', 'pt-BR');
    expect(http.sent[0]!.url).to.equal('https://portal.example.com/api/portal/appointments/ap-1/guide?locale=pt-BR');
    expect(http.sent[0]!.headers).to.include({ Authorization: 'Bearer tok', 'X-Portal-Tenant': 'clinica-sol' });
    expect([file.name, file.type]).to.deep.equal(['guide-7d0f3c52.pdf', 'application/pdf']);
  });

  it('carries a problem’s extension members: the fresh slots of slot_taken, the deadline and contact of cancellation_closed', async () => {
    const standard = { type: 'https://portico.dev/problems/slot-taken', title: 'Slot just taken', status: 409, detail: 'That time was just taken', instance: '/api/portal/appointments', requestId: 'req-1' };
    http.answer = json({ ...standard, code: 'slot_taken', slots: [slot] }, 409);
    const taken = (await api.bookAppointment('tok', { service: 'audiometria', providerId: PROVIDER_IDS.sala, start: slot.start }).catch((e: ApiError) => e)) as ApiError;
    expect([taken.code, taken.status, taken.message]).to.deep.equal(['slot_taken', 409, 'That time was just taken']);
    expect(taken.problem, 'only the extensions').to.deep.equal({ slots: [slot] });
    http.answer = json({ ...standard, code: 'cancellation_closed', cancelUntil: '2026-12-02T11:20:00.000Z', contact: CONTACT }, 409);
    const closed = (await api.cancelAppointment('tok', 'ap-1').catch((e: ApiError) => e)) as ApiError;
    expect([closed.code, closed.problem]).to.deep.equal(['cancellation_closed', { cancelUntil: '2026-12-02T11:20:00.000Z', contact: CONTACT }]);
    http.answer = json({ ...standard, code: 'appointments_hidden', status: 403 }, 403);
    const hidden = (await api.listAppointments('tok', { when: 'upcoming' }).catch((e: ApiError) => e)) as ApiError;
    expect([hidden.code, hidden.problem]).to.deep.equal(['appointments_hidden', undefined]);
    http.answer = json({ code: 'invalid_input', detail: 'Invalid query', errors: [{ path: 'to', message: 'must be within 42 days of from' }] }, 400);
    const invalid = (await api.appointmentSlots('tok', { service: 'x', from: '2026-01-01', to: '2026-03-01' }).catch((e: ApiError) => e)) as ApiError;
    expect([invalid.fields, invalid.problem]).to.deep.equal([[{ path: 'to', message: 'must be within 42 days of from' }], undefined]);
  });
});
