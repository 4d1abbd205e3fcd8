/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/appointments/admin-appointments.ts';
import type { AdminAppointments } from '../../widgets/admin/appointments/admin-appointments.ts';
import { ApiError, type AdminApi, type StaffMe, type TenantSettings } from '../../widgets/admin/admin-api.ts';
import type { BookingItem } from '../../widgets/admin/appointments/appointments-client.ts';
import { fakeAdminApi } from '../../widgets/admin/fake-admin-api.ts';
import { appointmentsRequest, fixtureBookings, fixtureClosedPeriods, fixtureMonday, fixtureProposals, type FixtureState } from '../../widgets/admin/appointments/fixtures.ts';
import { addDays, instantAt, todayIn } from '../../widgets/admin/appointments/zoned-dates.ts';
import { fixtureMe } from '../../widgets/admin/team/fixtures.ts';
import { applyTheme, DEFAULT_BRANDING } from '../../widgets/core/theme.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { buttonIn as button, change, facts, find as $, findAll as $$, mountSection, norm, settleTabs as settle, textIn as text } from './admin-test-kit.ts';

type Request = { method: string; path: string; body: unknown };
type Router = (method: string, path: string, body?: unknown) => Promise<unknown>;
const ZONE = 'America/Sao_Paulo';

/** The fixture router with some routes answered otherwise; every request written down. */
function recording(overrides: Record<string, Router> = {}, options: { state?: FixtureState; lookups?: FixtureState } = {}) {
  const log: Request[] = [];
  const fallback = appointmentsRequest(options) as unknown as Router;
  const request = (method: string, path: string, body?: unknown) => {
    log.push({ method, path, body });
    const route = `${method} ${path.split('?')[0]!.replace('/api/v1/appointments', '')}`;
    return (overrides[route] ?? fallback)(method, path, body);
  };
  let settingsCalls = 0;
  const getSettings = async () => (settingsCalls++, { timeZone: ZONE } as TenantSettings);
  return { api: fakeAdminApi({ request: request as AdminApi['request'], getSettings }), log, settingsCalls: () => settingsCalls };
}

type Recorded = ReturnType<typeof recording>;

async function mount(recorded: Recorded = recording(), options: { me?: StaffMe; locale?: Locale; tab?: string } = {}) {
  const { el } = await mountSection(
    'admin-appointments',
    { api: recorded.api, me: options.me ?? fixtureMe(), locale: options.locale ?? 'en', ...(options.tab ? { tab: options.tab as AdminAppointments['tab'] } : {}) },
    { settle },
  );
  return { el, ...recorded };
}


/** The open tab's element and its shadow root. */
const panel = (el: AdminAppointments) => el.shadowRoot!.querySelector('[role=tabpanel]:not([hidden]) > *')!.shadowRoot!;
const gets = (log: Request[], route: string) => log.filter((call) => call.method === 'GET' && call.path.startsWith(`/api/v1/appointments${route}`)).map((call) => call.path);
const writes = (log: Request[]) => log.filter((call) => call.method !== 'GET').map(({ method, path, body }) => ({ method, path, body }));
const readOnly = () => fixtureMe({ role: 'read-only', scopes: ['appointments:read', 'accounts:read'] });

/** A booking later this week or next, so it can still be cancelled. */
function upcoming(overrides: Partial<BookingItem> = {}): BookingItem {
  const start = new Date(instantAt(addDays(todayIn(ZONE), 2), '09:00', ZONE));
  return {
    ...fixtureBookings()[1]!,
    id: 'b1000000-0000-4000-8000-0000000000aa',
    start: start.toISOString(),
    end: new Date(start.getTime() + 30 * 60_000).toISOString(),
    ...overrides,
  };
}

before(() => applyTheme(DEFAULT_BRANDING));

describe('<admin-appointments>', () => {
  it('asks nothing and says so to staff without appointments:read', async () => {
    const { el, log, settingsCalls } = await mount(recording(), { me: fixtureMe({ role: 'staff', scopes: ['users:read'] }) });
    expect(text(el.shadowRoot!)).to.contain('Your role in the console does not include appointments.');
    expect(log).to.have.length(0);
    expect(settingsCalls()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows loading (busy), then an error with retry for the providers and services', async () => {
    const loading = await mount(recording({}, { lookups: 'loading' }));
    expect(text($(loading.el.shadowRoot!, '[part~=status]'))).to.equal('Loading…');
    expect($(loading.el.shadowRoot!, '.region').getAttribute('aria-busy')).to.equal('true');
    await expect(loading.el).to.be.accessible();

    let fail = true;
    const failing: Router = async (method, path, body) => {
      if (fail) throw new ApiError('network_error', 0, 'down');
      return appointmentsRequest()(method as 'GET', path, body);
    };
    const { el, log } = await mount(recording({ 'GET /providers': failing }));
    expect(text($(el.shadowRoot!, '[part~=error][role=alert]'))).to.contain('We could not reach the server.');
    await expect(el).to.be.accessible();
    fail = false;
    button(el.shadowRoot!, 'Try again').click();
    await settle(el);
    expect(gets(log, '/providers')).to.have.length(2);
    expect($(el.shadowRoot!, '.region').getAttribute('aria-busy')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[role=tablist]')).to.exist;
  });

  describe('bookings', () => {
    it('asks for this week in the tenant’s zone and lists it by day: time, service, provider, client, attendee, status', async () => {
      const { el, log, settingsCalls } = await mount();
      // The session names the tenant's zone: no need to read the settings for it.
      expect(settingsCalls()).to.equal(0);
      expect(text(el.shadowRoot!)).to.contain('Times are in the business’s time zone (America/Sao_Paulo).');
      const monday = fixtureMonday();
      expect(gets(log, '/providers')).to.deep.equal(['/api/v1/appointments/providers']);
      expect(gets(log, '/services')).to.deep.equal(['/api/v1/appointments/services']);
      expect(gets(log, '/bookings')).to.deep.equal([`/api/v1/appointments/bookings?from=${monday}&to=${addDays(monday, 6)}`]);
      const root = panel(el);
      const days = $$(root, '[part~=day]');
      expect(days.map((day) => norm(day.querySelector('h4')!.textContent))).to.have.length(4);
      expect(norm(days[0]!.querySelector('h4')!.textContent)).to.match(/^Monday, .* \(3\)$/);
      const first = $$(root, '[part~=booking]')[0]!;
      expect(norm(first.querySelector('.when')!.textContent)).to.equal('7:30 AM–7:50 AM');
      expect(facts(first)).to.deep.equal({ Service: 'Audiometry', With: 'Sala de exames', Client: 'Metalúrgica Horizonte Ltda', Attendee: 'João Pereira' });
      expect(text(first.querySelector('[part~=badge]')!)).to.equal('Booked');
      const cancelled = $$(root, '[part~=booking]')[2]!;
      expect(cancelled.dataset.status).to.equal('cancelled');
      expect(cancelled.querySelector('[part~=cancel]')).to.be.null;
      await expect(el).to.be.accessible();
    });

    it('reads the zone from the settings when the session does not say it', async () => {
      const me = fixtureMe();
      const { timeZone: _zone, ...tenant } = me.tenant;
      const { el, settingsCalls } = await mount(recording(), { me: { ...me, tenant: tenant as StaffMe['tenant'] } });
      expect(settingsCalls()).to.equal(1);
      expect(text(el.shadowRoot!)).to.contain('(America/Sao_Paulo)');
    });

    it('uses the zone it is given without reading the settings', async () => {
      const recorded = recording();
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('admin-appointments'), { api: recorded.api, me: fixtureMe(), locale: 'en' as Locale, timeZone: 'Europe/Madrid' });
      wrapper.append(el);
      await settle(el);
      expect(recorded.settingsCalls()).to.equal(0);
      expect(text(el.shadowRoot!)).to.contain('(Europe/Madrid)');
    });

    it('filters by provider and status, steps weeks, and switches to one day', async () => {
      const { el, log } = await mount();
      const root = panel(el);
      const monday = fixtureMonday();
      change($(root, 'select[name=providerKey]'), 'dra-helena');
      await settle(el);
      change($(root, 'select[name=status]'), 'booked');
      await settle(el);
      button(root, 'Next week').click();
      await settle(el);
      button(root, 'Previous week').click();
      await settle(el);
      button(root, 'Previous week').click();
      await settle(el);
      const last = `from=${addDays(monday, -7)}&to=${addDays(monday, -1)}&providerKey=dra-helena&status=booked`;
      expect(gets(log, '/bookings').slice(1)).to.deep.equal([
        `/api/v1/appointments/bookings?from=${monday}&to=${addDays(monday, 6)}&providerKey=dra-helena`,
        `/api/v1/appointments/bookings?from=${monday}&to=${addDays(monday, 6)}&providerKey=dra-helena&status=booked`,
        `/api/v1/appointments/bookings?from=${addDays(monday, 7)}&to=${addDays(monday, 13)}&providerKey=dra-helena&status=booked`,
        `/api/v1/appointments/bookings?${last.replace(/from=[^&]+&to=[^&]+/, `from=${monday}&to=${addDays(monday, 6)}`)}`,
        `/api/v1/appointments/bookings?${last}`,
      ]);
      button(root, 'This week').click();
      await settle(el);
      $<HTMLInputElement>(root, 'input[name=span][value=day]').click();
      await settle(el);
      const today = todayIn(ZONE);
      expect(gets(log, '/bookings').at(-1)).to.equal(`/api/v1/appointments/bookings?from=${today}&to=${today}&providerKey=dra-helena&status=booked`);
      expect(button(root, 'Next day')).to.exist;
      change($(root, 'input[name=anchor]'), '2026-12-01');
      await settle(el);
      expect(gets(log, '/bookings').at(-1)).to.equal('/api/v1/appointments/bookings?from=2026-12-01&to=2026-12-01&providerKey=dra-helena&status=booked');
      expect(text($(root, '[part~=range]'))).to.equal('Tuesday, December 1, 2026');
      await expect(el).to.be.accessible();
    });

    it('says so when a period has no bookings, and offers a retry when the list fails', async () => {
      const empty = await mount(recording({}, { state: 'empty' }));
      expect(text($(panel(empty.el), '[part~=empty]'))).to.equal('No bookings in these days.');
      await expect(empty.el).to.be.accessible();

      const loading = await mount(recording({}, { state: 'loading' }));
      expect($(panel(loading.el), '.list-region').getAttribute('aria-busy')).to.equal('true');
      expect(text($(panel(loading.el), '[part~=status]'))).to.equal('Loading…');
      await expect(loading.el).to.be.accessible();

      const failed = await mount(recording({}, { state: 'error' }));
      expect(text($(panel(failed.el), '[part~=error]'))).to.contain('We could not reach the server.');
      await expect(failed.el).to.be.accessible();
      button(panel(failed.el), 'Try again').click();
      await settle(failed.el);
      expect(gets(failed.log, '/bookings')).to.have.length(2);
    });

    it('cancels a booking after a confirmation, safe choice focused first, and announces it', async () => {
      const booking = upcoming();
      const { el, log } = await mount(recording({ 'GET /bookings': async () => ({ items: [booking] }) }));
      const root = panel(el);
      $<HTMLButtonElement>(root, '[part~=cancel]').click();
      await settle(el);
      expect(text($(root, '[part~=confirm]'))).to.match(/^Cancel Occupational health consultation on .* for Carla Mendes\? The client is told by e-mail\./);
      expect(root.activeElement).to.equal($(root, '[part~=keep]'));
      await expect(el).to.be.accessible();
      button(root, 'Keep it').click();
      await settle(el);
      expect(root.activeElement).to.equal($(root, '[part~=cancel]'));
      expect(writes(log)).to.have.length(0);

      $<HTMLButtonElement>(root, '[part~=cancel]').click();
      await settle(el);
      $<HTMLButtonElement>(root, '[part~=confirm-cancel]').click();
      await settle(el);
      expect(writes(log)).to.deep.equal([{ method: 'POST', path: `/api/v1/appointments/bookings/${booking.id}/cancel`, body: undefined }]);
      expect(text($(root, '[part~=badge]'))).to.equal('Cancelled');
      expect(root.querySelector('[part~=cancel]')).to.be.null;
      expect(text($(root, '[part~=announcement][role=status]'))).to.match(/^Booking cancelled: Occupational health consultation on .*\. The client will get an e-mail\.$/);
      expect(root.activeElement).to.equal($(root, `#booking-${booking.id}`));
      await expect(el).to.be.accessible();
    });

    it('shows why a cancel failed on its booking', async () => {
      const { el } = await mount(
        recording({ 'GET /bookings': async () => ({ items: [upcoming()] }), 'POST /bookings/b1000000-0000-4000-8000-0000000000aa/cancel': async () => Promise.reject(new ApiError('forbidden', 403, 'no')) }),
      );
      const root = panel(el);
      $<HTMLButtonElement>(root, '[part~=cancel]').click();
      await settle(el);
      $<HTMLButtonElement>(root, '[part~=confirm-cancel]').click();
      await settle(el);
      expect(text($(root, '[part~=booking] [part~=error][role=alert]'))).to.equal('Your role in the console does not allow this. Ask an owner or an admin.');
      expect(text($(root, '[part~=badge]'))).to.equal('Booked');
      await expect(el).to.be.accessible();
    });

    it('moves between tabs with the arrow keys', async () => {
      const { el } = await mount();
      el.shadowRoot!.getElementById('tab-bookings')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.getElementById('tab-requests'));
      expect(el.shadowRoot!.getElementById('panel-requests')!.hidden).to.be.false;
      expect(el.shadowRoot!.getElementById('panel-bookings')!.hidden).to.be.true;
      await sendKeys({ press: 'End' });
      await settle(el);
      expect(el.shadowRoot!.getElementById('tab-closed')!.getAttribute('aria-selected')).to.equal('true');
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.getElementById('tab-bookings'));
    });
  });

  describe('requests', () => {
    it('lists the pending requests: service, provider asked for, proposed times, note', async () => {
      const { el, log } = await mount(recording(), { tab: 'requests' });
      expect(gets(log, '/proposals')).to.deep.equal(['/api/v1/appointments/proposals?status=pending']);
      const root = panel(el);
      const items = $$(root, '[part~=list] > [part~=item]');
      expect(items.map((item) => text(item.querySelector('h4')!))).to.deep.equal(['Consulta ocupacional (ASO)', 'Audiometria']);
      expect(facts(items[0]!)['Provider asked for']).to.equal('Dra. Helena Prado');
      expect(facts(items[1]!)['Provider asked for']).to.equal('Any provider');
      expect(items[0]!.querySelectorAll('[part~=times] time')).to.have.length(3);
      expect(text(items[0]!)).to.contain('Note from the client: Exame admissional de dois funcionários novos.');
      await expect(el).to.be.accessible();
    });

    it('confirms the first proposed time with the provider asked for', async () => {
      const proposal = fixtureProposals()[0]!;
      const { el, log } = await mount(recording(), { tab: 'requests' });
      const root = panel(el);
      button(root, 'Confirm a time').click();
      await settle(el);
      expect(root.activeElement).to.equal($(root, `#confirm-title-${proposal.id}`));
      expect($<HTMLInputElement>(root, `input[name=choice][value="${proposal.times[0]}"]`).checked).to.be.true;
      expect($<HTMLSelectElement>(root, '#confirm-provider').value).to.equal('dra-helena');
      await expect(el).to.be.accessible();
      button(root, 'Confirm appointment').click();
      await settle(el);
      expect(writes(log)).to.deep.equal([{ method: 'POST', path: `/api/v1/appointments/proposals/${proposal.id}/confirm`, body: { start: proposal.times[0], providerKey: 'dra-helena' } }]);
      expect($$(root, '[part~=list] > [part~=item]')).to.have.length(1);
      expect(text($(root, '[part~=announcement]'))).to.match(/^Appointment confirmed: Consulta ocupacional \(ASO\) on .*\.$/);
      expect(root.activeElement).to.equal($(root, '#requests-title'));
    });

    it('confirms another time, in the tenant’s zone, with a message; after slot_taken offers the free times', async () => {
      const proposal = fixtureProposals()[1]!;
      const freeStart = new Date(instantAt(addDays(todayIn(ZONE), 9), '10:40', ZONE)).toISOString();
      let taken = true;
      const confirm: Router = async (method, path, body) => {
        if (taken) throw new ApiError('slot_taken', 409, 'taken', undefined, [], { code: 'slot_taken', slots: [{ start: freeStart, end: freeStart, providerId: 'd1000000-0000-4000-8000-000000000003' }] });
        return appointmentsRequest()(method as 'POST', path, body);
      };
      const { el, log } = await mount(recording({ [`POST /proposals/${proposal.id}/confirm`]: confirm }), { tab: 'requests' });
      const root = panel(el);
      $<HTMLButtonElement>(root, `[data-id="${proposal.id}"] [data-action=confirm]`).click();
      await settle(el);
      // Only one provider offers audiometry: it is chosen already.
      expect($<HTMLSelectElement>(root, '#confirm-provider').value).to.equal('sala-exames');
      $<HTMLInputElement>(root, 'input[name=choice][value=other]').click();
      await settle(el);
      button(root, 'Confirm appointment').click();
      await settle(el);
      expect(text($(root, '#confirm-time-error'))).to.equal('Give the date and time of the appointment.');
      expect(writes(log)).to.have.length(0);
      await expect(el).to.be.accessible();

      const date = addDays(todayIn(ZONE), 9);
      change($(root, '#confirm-other-date'), date);
      change($(root, '#confirm-other-time'), '10:20');
      change($(root, '#confirm-message'), ' Traga o pedido médico. ', 'input');
      await settle(el);
      button(root, 'Confirm appointment').click();
      await settle(el);
      expect(writes(log)).to.deep.equal([
        { method: 'POST', path: `/api/v1/appointments/proposals/${proposal.id}/confirm`, body: { start: `${date}T10:20:00-03:00`, providerKey: 'sala-exames', message: 'Traga o pedido médico.' } },
      ]);
      expect(text($(root, '[part~=confirm-form] [part~=error]'))).to.contain('The provider is already booked at that time.');
      const slot = $(root, '[part~=free-slots] button');
      expect(text(slot)).to.contain('10:40 AM');
      await expect(el).to.be.accessible();
      slot.click();
      await settle(el);
      expect($<HTMLInputElement>(root, '#confirm-other-time').value).to.equal('10:40');
      expect(root.activeElement).to.equal($(root, '#confirm-other-time'));
      taken = false;
      button(root, 'Confirm appointment').click();
      await settle(el);
      expect((writes(log)[1]!.body as { start: string }).start).to.equal(`${date}T10:40:00-03:00`);
      expect($$(root, '[part~=list] > [part~=item]')).to.have.length(1);
    });

    it('refuses with a reason, which it asks for first', async () => {
      const proposal = fixtureProposals()[0]!;
      const { el, log } = await mount(recording(), { tab: 'requests' });
      const root = panel(el);
      $<HTMLButtonElement>(root, `[data-id="${proposal.id}"] [data-action=refuse]`).click();
      await settle(el);
      const reason = $<HTMLTextAreaElement>(root, `#refuse-reason-${proposal.id}`);
      expect(root.activeElement).to.equal(reason);
      button(root, 'Refuse request').click();
      await settle(el);
      expect(writes(log)).to.have.length(0);
      expect(reason.getAttribute('aria-invalid')).to.equal('true');
      expect(text($(root, `#refuse-reason-${proposal.id}-error`))).to.equal('Tell the client why.');
      await expect(el).to.be.accessible();
      await sendKeys({ type: 'Agenda cheia em março.' });
      button(root, 'Refuse request').click();
      await settle(el);
      expect(writes(log)).to.deep.equal([{ method: 'POST', path: `/api/v1/appointments/proposals/${proposal.id}/refuse`, body: { reason: 'Agenda cheia em março.' } }]);
      expect(text($(root, '[part~=announcement]'))).to.equal('Request for Consulta ocupacional (ASO) refused. The client was told.');
    });

    it('reloads when someone else answered first, and says so when nothing waits', async () => {
      const proposal = fixtureProposals()[0]!;
      const { el, log } = await mount(recording({ [`POST /proposals/${proposal.id}/confirm`]: async () => Promise.reject(new ApiError('proposal_answered', 409, 'x')) }), { tab: 'requests' });
      const root = panel(el);
      button(root, 'Confirm a time').click();
      await settle(el);
      button(root, 'Confirm appointment').click();
      await settle(el);
      expect(gets(log, '/proposals')).to.have.length(2);
      expect(text($(root, '[part~=announcement]'))).to.equal('');

      const empty = await mount(recording({}, { state: 'empty' }), { tab: 'requests' });
      expect(text($(panel(empty.el), '[part~=empty]'))).to.equal('No requests waiting for an answer.');
      await expect(empty.el).to.be.accessible();
    });
  });

  describe('providers and hours', () => {
    it('lists providers and services, and shows a provider’s week on demand', async () => {
      const { el, log } = await mount(recording(), { tab: 'hours' });
      const root = panel(el);
      const providers = $$(root, '[part~=providers] > li');
      expect(providers.map((li) => text(li.querySelector('h4')!))).to.deep.equal(['Dr. Marcos Teixeira', 'Dra. Helena Prado', 'Sala de exames']);
      expect(text(providers[2]!)).to.contain('Services: Visual acuity, Audiometry, Spirometry');
      const services = $$(root, '[part~=services] > li');
      expect(text(services[1]!)).to.contain('Audiometry');
      expect(facts(services[1]!)).to.deep.equal({ Duration: '20 min', 'Name in Portuguese': 'Audiometria', 'Name in Spanish': 'Audiometría' });
      expect(gets(log, '/providers/')).to.have.length(0);
      await expect(el).to.be.accessible();

      const show = $<HTMLButtonElement>(providers[2]!, '[part~=show-hours]');
      show.click();
      await settle(el);
      expect(gets(log, '/providers/')).to.deep.equal(['/api/v1/appointments/providers/sala-exames/rules']);
      expect(show.getAttribute('aria-expanded')).to.equal('true');
      const week = $(providers[2]!, '[part~=week]');
      expect(text($(week, '[data-weekday="1"]'))).to.equal('Monday 7:30 AM–11:30 AM, 1:30 PM–4:30 PM');
      expect(text($(week, '[data-weekday="7"]'))).to.equal('Sunday Closed');
      await expect(el).to.be.accessible();
    });

    it('edits a provider’s week: checks the rows, then sends the whole week', async () => {
      const { el, log } = await mount(recording(), { tab: 'hours' });
      const root = panel(el);
      const marcos = $$(root, '[part~=providers] > li')[0]!;
      $<HTMLButtonElement>(marcos, '[part~=show-hours]').click();
      await settle(el);
      $<HTMLButtonElement>(marcos, '[part~=edit-hours]').click();
      await settle(el);
      expect(root.activeElement).to.equal($(root, '#hours-form-title'));
      await expect(el).to.be.accessible();

      // Saturday morning, first with its end before its start.
      $<HTMLButtonElement>(root, '[data-weekday="6"] [data-add]').click();
      await settle(el);
      const saturday = $(root, '[data-weekday="6"] .rule-row');
      expect(root.activeElement).to.equal($(saturday, 'input[type=time]'));
      change($<HTMLInputElement>(saturday, 'input[id$=-start]'), '09:00');
      change($<HTMLInputElement>(saturday, 'input[id$=-end]'), '08:00');
      // Thursday's hours removed.
      $<HTMLButtonElement>(root, '[data-weekday="4"] .rule-row button').click();
      await settle(el);
      expect(root.activeElement).to.equal($(root, '[data-weekday="4"] [data-add]'));
      button(root, 'Save hours').click();
      await settle(el);
      expect(writes(log)).to.have.length(0);
      expect(text($(saturday, '.field-error'))).to.equal('The end must come after the start.');
      expect(root.activeElement).to.equal($(saturday, 'input[id$=-start]'));
      await expect(el).to.be.accessible();

      change($<HTMLInputElement>(saturday, 'input[id$=-end]'), '00:00');
      button(root, 'Save hours').click();
      await settle(el);
      expect(writes(log)).to.deep.equal([
        {
          method: 'PUT',
          path: '/api/v1/appointments/providers/dr-marcos/rules',
          body: { rules: [{ weekday: 2, start: '13:00', end: '18:00' }, { weekday: 6, start: '09:00', end: '24:00' }] },
        },
      ]);
      expect(text($(root, '[part~=announcement]'))).to.equal('Weekly hours of Dr. Marcos Teixeira saved.');
      expect(text($(marcos, '[data-weekday="6"]'))).to.equal('Saturday 9:00 AM–24:00');
      expect(root.activeElement).to.equal($(marcos, '[part~=edit-hours]'));
    });
  });

  describe('closed periods', () => {
    it('lists the next six months: holidays, whole days, a provider’s afternoon', async () => {
      const { el, log } = await mount(recording(), { tab: 'closed' });
      const today = todayIn(ZONE);
      expect(gets(log, '/exceptions')).to.deep.equal([`/api/v1/appointments/exceptions?from=${today}&to=${addDays(today, 180)}`]);
      const root = panel(el);
      const items = $$(root, '[part~=list] > li');
      expect(text(items[0]!.querySelector('h4')!)).to.match(/^\w+day, .* \(all day\)$/);
      expect(facts(items[0]!)).to.deep.equal({ Who: 'The whole business', Reason: 'Feriado municipal' });
      expect(facts(items[1]!).Who).to.equal('Dr. Marcos Teixeira');
      expect(text(items[1]!.querySelector('h4')!)).to.match(/, 1:00 – 6:00 PM$/);
      expect(text(items[2]!.querySelector('h4')!)).to.contain('(whole days)');
      expect(facts(items[2]!).Reason).to.equal('None given');
      await expect(el).to.be.accessible();

      change($(root, 'form.range input[name=from]'), '2026-12-20');
      change($(root, 'form.range input[name=to]'), '2027-01-10');
      button(root, 'Show').click();
      await settle(el);
      expect(gets(log, '/exceptions').at(-1)).to.equal('/api/v1/appointments/exceptions?from=2026-12-20&to=2027-01-10');
    });

    it('adds a holiday for everyone and a provider’s blocked time', async () => {
      const { el, log } = await mount(recording(), { tab: 'closed' });
      const root = panel(el);
      button(root, 'Add closed period').click();
      await settle(el);
      expect(root.activeElement).to.equal($(root, '#closure-form-title'));
      await expect(el).to.be.accessible();
      change($(root, '#closure-date'), '2026-11-20');
      change($(root, '#closure-reason'), 'Consciência Negra', 'input');
      button(root, 'Add').click();
      await settle(el);
      expect(writes(log)).to.deep.equal([{ method: 'POST', path: '/api/v1/appointments/exceptions', body: { providerKey: null, date: '2026-11-20', reason: 'Consciência Negra' } }]);
      expect(text($(root, '[part~=announcement]'))).to.equal('Closed period added: Friday, November 20, 2026 (all day).');
      expect(root.activeElement?.id).to.equal('period-c9000000-0000-4000-8000-000000000001');

      button(root, 'Add closed period').click();
      await settle(el);
      $<HTMLInputElement>(root, 'input[name=kind][value=provider]').click();
      await settle(el);
      button(root, 'Add').click();
      await settle(el);
      expect(writes(log)).to.have.length(1);
      expect(text($(root, '#closure-providerKey-error'))).to.equal('Choose the provider.');
      expect(root.activeElement).to.equal($(root, '#closure-providerKey'));
      await expect(el).to.be.accessible();
      change($(root, '#closure-providerKey'), 'dra-helena');
      change($(root, '#closure-from'), '2026-10-05');
      change($(root, 'input[name=fromTime]'), '08:00');
      change($(root, '#closure-to'), '2026-10-09');
      change($(root, 'input[name=toTime]'), '12:00');
      button(root, 'Add').click();
      await settle(el);
      expect(writes(log)[1]).to.deep.equal({
        method: 'POST',
        path: '/api/v1/appointments/exceptions',
        body: { providerKey: 'dra-helena', from: '2026-10-05T08:00:00-03:00', to: '2026-10-09T12:00:00-03:00' },
      });
    });

    it('deletes one after a confirmation', async () => {
      const period = fixtureClosedPeriods()[1]!;
      const { el, log } = await mount(recording(), { tab: 'closed' });
      const root = panel(el);
      $<HTMLButtonElement>(root, `[data-id="${period.id}"] [part~=delete]`).click();
      await settle(el);
      expect(root.activeElement).to.equal($(root, `[data-id="${period.id}"] [part~=keep]`));
      expect(text($(root, '[part~=confirm]'))).to.contain('Clients can book those times again.');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(root, '[part~=confirm-delete]').click();
      await settle(el);
      expect(writes(log)).to.deep.equal([{ method: 'DELETE', path: `/api/v1/appointments/exceptions/${period.id}`, body: undefined }]);
      expect(root.querySelector(`[data-id="${period.id}"]`)).to.be.null;
      expect(text($(root, '[part~=announcement]'))).to.match(/^Closed period deleted: /);
      expect(root.activeElement).to.equal($(root, '#closures-title'));
    });

    it('says so when there is none', async () => {
      const { el } = await mount(recording({}, { state: 'empty' }), { tab: 'closed' });
      expect(text($(panel(el), '[part~=empty]'))).to.match(/^No closed periods between /);
      await expect(el).to.be.accessible();
    });
  });

  it('shows read-only staff everything without a single action', async () => {
    const { el, log } = await mount(recording({ 'GET /bookings': async () => ({ items: [upcoming()] }) }), { me: readOnly() });
    expect($$(panel(el), '[part~=booking]')).to.have.length(1);
    expect(panel(el).querySelector('[part~=cancel]')).to.be.null;
    await expect(el).to.be.accessible();
    for (const tab of ['requests', 'hours', 'closed']) {
      el.shadowRoot!.getElementById(`tab-${tab}`)!.click();
      await settle(el);
      const root = panel(el);
      if (tab === 'hours') {
        $<HTMLButtonElement>(root, '[part~=show-hours]').click();
        await settle(el);
        expect(root.querySelector('[part~=week]')).to.exist;
      }
      expect($$(root, '[part~=list] > li').length).to.be.greaterThan(0);
      expect(root.querySelector('[part~=answer], [part~=edit-hours], [part~=add], [part~=delete], form[part$=-form]')).to.be.null;
      await expect(el).to.be.accessible();
    }
    expect(writes(log)).to.have.length(0);
  });

  it('speaks Portuguese and Spanish', async () => {
    const pt = await mount(recording(), { locale: 'pt-BR' });
    expect(text(pt.el.shadowRoot!.querySelector('h2')!)).to.equal('Agendamentos');
    expect(facts($(panel(pt.el), '[part~=booking]'))['Serviço']).to.equal('Audiometria');
    const es = await mount(recording(), { locale: 'es', tab: 'closed' });
    expect(text(es.el.shadowRoot!.getElementById('tab-closed')!)).to.equal('Periodos cerrados');
    expect(text($(panel(es.el), '[part~=add]'))).to.equal('Añadir periodo cerrado');
  });
});
