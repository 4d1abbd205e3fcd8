/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/settings/admin-settings.ts';
import type { AdminSettings } from '../../widgets/admin/settings/admin-settings.ts';
import { ApiError, type AdminApi, type StaffMe } from '../../widgets/admin/admin-api.ts';
import { clinicaSolData, fixtureStaffMe, memorySettingsApi, type SettingsData } from '../../widgets/admin/settings/fixtures.ts';
import { MODULE_ORDER } from '../../widgets/admin/settings/drafts.ts';
import { BOOKING_MODES } from '../../widgets/admin/settings/booking-modes.ts';
import { FONT_STACK, isEmbedOrigin } from '../../widgets/admin/settings/validation.ts';
import { MODULES } from '../../server/features/modules/schemas.ts';
import { BOOKING_MODES as SERVER_BOOKING_MODES } from '../../server/features/appointments/schemas.ts';
import { brandingSchema, newTenantSchema } from '../../server/features/tenants/schemas.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { $, button, norm, root, settle } from './admin-test-kit.ts';

type States = Parameters<typeof memorySettingsApi>[1];

async function mount(options: { me?: StaffMe; states?: States; data?: SettingsData; overrides?: Partial<AdminApi>; locale?: Locale; width?: number } = {}) {
  const data = options.data ?? clinicaSolData();
  const { api, calls } = memorySettingsApi(data, options.states, options.overrides);
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`max-width: ${options.width ?? 900}px`}></div>`);
  const el = document.createElement('admin-settings');
  el.api = api;
  el.me = options.me ?? fixtureStaffMe('owner');
  el.locale = options.locale ?? 'en';
  wrapper.append(el);
  await settle(el);
  return { el, api, calls, data };
}

const named = (calls: { name: string; args: unknown[] }[], name: string) => calls.filter((call) => call.name === name);

/** Types into a field as a person would: focus, select what is there, type. */
async function type(el: AdminSettings, selector: string, text: string) {
  const input = $<HTMLInputElement>(el, selector);
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
  await settle(el);
}
function setValue(el: AdminSettings, selector: string, value: string, event: 'input' | 'change' = 'input') {
  const input = $<HTMLInputElement | HTMLSelectElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event(event, { bubbles: true }));
}

describe('<admin-settings>', () => {
  it('mirrors the server: the modules, booking modes, font stacks and embed origins it accepts', () => {
    expect([...MODULE_ORDER]).to.deep.equal([...MODULES]);
    expect([...BOOKING_MODES]).to.deep.equal([...SERVER_BOOKING_MODES]);
    for (const stack of ['system-ui, sans-serif', "'Open Sans', Arial, sans-serif", 'a;b', 'x} body{color:red', '"Unclosed, serif', 'Georgia,serif'])
      expect(FONT_STACK.test(stack), stack).to.equal(brandingSchema.shape.fontFamily.safeParse(stack).success);
    // Every origin the console accepts, the server accepts too.
    for (const origin of ['https://www.example.com', 'https://example.com:8443', 'http://localhost:5173', 'https://a.b/', 'ftp://x.y', 'https://Example.com'])
      if (isEmbedOrigin(origin)) expect(newTenantSchema.shape.embedOrigins.safeParse([origin]).success, origin).to.be.true;
    expect(isEmbedOrigin('http://www.example.com')).to.be.false;
  });

  it('shows loading while the settings load, then every group', async () => {
    const loading = await mount({ states: { settings: 'loading' } });
    expect($(loading.el, '[part=base]').getAttribute('aria-busy')).to.equal('true');
    expect(norm($(loading.el, '[role=status].loading').textContent)).to.equal('Loading…');
    await expect(loading.el).to.be.accessible();

    const { el, calls } = await mount();
    expect($(el, '[part=base]').getAttribute('aria-busy')).to.equal('false');
    expect([...root(el).querySelectorAll('h3')].map((h) => norm(h.textContent))).to.deep.equal([
      'General',
      'Branding',
      'Modules',
      'Appointments: options',
      'Billing: options',
      'Documents: options',
    ]);
    expect(named(calls, 'getSettings')).to.have.length(1);
    expect($<HTMLInputElement>(el, '#general-name').value).to.equal('Clínica Sol');
    expect($<HTMLInputElement>(el, '#general-origin-1').value).to.equal('https://clinicasol.com.br');
    await expect(el).to.be.accessible();
  });

  it('a failed load says why and retries', async () => {
    let fail = true;
    const data = clinicaSolData();
    const { el } = await mount({ data, overrides: { getSettings: () => (fail ? Promise.reject(new ApiError('network_error', 0, 'down')) : Promise.resolve(structuredClone(data.settings))) } });
    expect(norm($(el, '[part~=error][role=alert]').textContent)).to.contain('The server could not be reached.');
    await expect(el).to.be.accessible();
    fail = false;
    button(el, 'Try again').click();
    await settle(el);
    expect($<HTMLInputElement>(el, '#general-name').value).to.equal('Clínica Sol');
  });

  it('one part failing shows the others and its own error with retry', async () => {
    const { el, calls } = await mount({ states: { appointments: 'error' } });
    const appointments = $(el, '[aria-labelledby=appointments-options-title]');
    expect(norm(appointments.querySelector('[role=alert]')!.textContent)).to.contain('The server could not be reached.');
    expect(root(el).querySelector('form[data-group=billing]')).to.exist;
    expect(root(el).querySelector('form[data-group=general]')).to.exist;
    await expect(el).to.be.accessible();
    appointments.querySelector('button')!.click();
    await settle(el);
    expect(named(calls, 'getAppointmentSettings')).to.have.length(2);
  });

  it('General: saves exactly the fields, normalising the embed origins', async () => {
    const { el, calls } = await mount();
    await type(el, '#general-name', 'Clínica Sol Savassi');
    button(el, 'Add a website').click();
    await settle(el);
    expect(root(el).activeElement).to.equal($(el, '#general-origin-2'));
    await sendKeys({ type: 'https://Agenda.ClinicaSol.com.br/' });
    await settle(el);
    setValue(el, '#general-locale', 'es', 'change');
    button(el, 'Save general settings').click();
    await settle(el);
    expect(named(calls, 'updateSettings').map((call) => call.args[0])).to.deep.equal([
      {
        portalEnabled: true,
        name: 'Clínica Sol Savassi',
        defaultLocale: 'es',
        portalUrl: 'https://portal.clinicasol.com.br',
        embedOrigins: ['https://www.clinicasol.com.br', 'https://clinicasol.com.br', 'https://agenda.clinicasol.com.br'],
      },
    ]);
    expect(norm($(el, 'form[data-group=general] [part=saved][role=status]').textContent)).to.equal('General settings saved.');
    await expect(el).to.be.accessible();
  });

  it('General: refuses a bad origin client-side, focuses it, and removes a row', async () => {
    const { el, calls } = await mount();
    await type(el, '#general-origin-0', 'http://www.clinicasol.com.br/agenda');
    button(el, 'Save general settings').click();
    await settle(el);
    expect(named(calls, 'updateSettings')).to.have.length(0);
    const input = $(el, '#general-origin-0');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).activeElement).to.equal(input);
    expect(norm($(el, '#general-origin-0-error').textContent)).to.contain('https://host');
    expect(input.getAttribute('aria-describedby')).to.contain('general-origin-0-error');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[aria-label="Remove http://www.clinicasol.com.br/agenda"]')!.click();
    await settle(el);
    expect(root(el).activeElement).to.equal($(el, '#general-origin-0'));
    expect(root(el).querySelector('[aria-invalid=true]')).to.be.null;
    button(el, 'Save general settings').click();
    await settle(el);
    expect((named(calls, 'updateSettings')[0]!.args[0] as { embedOrigins: string[] }).embedOrigins).to.deep.equal(['https://clinicasol.com.br']);
  });

  it('General: switching the portal off explains what clients will see', async () => {
    const { el } = await mount();
    const toggle = $<HTMLInputElement>(el, '#general-enabled');
    expect(toggle.getAttribute('role')).to.equal('switch');
    toggle.click();
    await settle(el);
    expect(norm($(el, '#general-enabled-hint').textContent)).to.contain('This portal is not available');
    expect(toggle.getAttribute('aria-describedby')).to.equal('general-enabled-hint');
  });

  it('Branding: refuses an invalid colour client-side, and saves a valid one typed in the code field', async () => {
    const { el, calls } = await mount();
    await type(el, '#branding-primary', '#12345g');
    button(el, 'Save branding').click();
    await settle(el);
    expect(named(calls, 'updateSettings')).to.have.length(0);
    expect($(el, '#branding-primary').getAttribute('aria-invalid')).to.equal('true');
    expect(norm($(el, 'form[data-group=branding] [role=alert]').textContent)).to.contain('correct the marked fields');
    await expect(el).to.be.accessible();
    await type(el, '#branding-primary', '#1D4ED8');
    expect($(el, '#branding-primary').getAttribute('aria-invalid')).to.equal('false');
    expect($<HTMLInputElement>(el, '#branding-primary-picker').value).to.equal('#1d4ed8');
    button(el, 'Save branding').click();
    await settle(el);
    expect(named(calls, 'updateSettings').map((call) => call.args[0])).to.deep.equal([
      {
        branding: {
          primaryColor: '#1d4ed8',
          accentColor: '#b45309',
          radius: 14,
          fontFamily: "Seravek, 'Gill Sans Nova', Ubuntu, Calibri, 'DejaVu Sans', sans-serif",
          colorScheme: 'light',
        },
      },
    ]);
    expect(named(calls, 'uploadLogo')).to.have.length(0);
  });

  it('Branding: a font typed by hand is checked as the server does; a preset is chosen from a list', async () => {
    const { el, calls } = await mount();
    expect($<HTMLSelectElement>(el, '#branding-font').value).to.equal('other');
    await type(el, '#branding-font-other', 'Comic; color: red');
    await type(el, '#branding-radius', '30');
    button(el, 'Save branding').click();
    await settle(el);
    expect(named(calls, 'updateSettings')).to.have.length(0);
    expect($(el, '#branding-font-other').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#branding-radius').getAttribute('aria-invalid')).to.equal('true');
    setValue(el, '#branding-font', 'Georgia, serif', 'change');
    await type(el, '#branding-radius', '4');
    button(el, 'Save branding').click();
    await settle(el);
    expect((named(calls, 'updateSettings')[0]!.args[0] as { branding: { fontFamily: string; radius: number } }).branding).to.include({ fontFamily: 'Georgia, serif', radius: 4 });
  });

  it('Branding: the preview wears the chosen colours, and a contrast warning appears for #ffff00 and not for #1d4ed8', async () => {
    const { el } = await mount();
    const preview = $(el, '[part~=preview-portal]');
    await type(el, '#branding-primary', '#1d4ed8');
    expect(getComputedStyle(preview).getPropertyValue('--portal-color-primary').trim()).to.equal('#1d4ed8');
    expect(getComputedStyle(preview.querySelector('.primary')!).backgroundColor).to.equal('rgb(29, 78, 216)');
    expect(root(el).querySelector('[part~=contrast-warning]')).to.be.null;
    expect(norm($(el, '[part~=contrast-ok]').textContent)).to.contain('Contrast is fine');

    await type(el, '#branding-primary', '#ffff00');
    const warning = $(el, '[part~=contrast-warning]');
    expect(norm(warning.textContent)).to.contain('On the light background the primary colour reaches only 1.0:1, below 4.5:1');
    expect(norm(warning.textContent)).to.contain('Links and the keyboard focus ring use a darker shade of it: #6d6d00');
    expect(warning.closest('[aria-live=polite]')).to.exist;
    // What the warning says is what the preview does: the link is in that darker yellow, the button text dark.
    expect(getComputedStyle(preview.querySelector('a')!).color).to.equal('rgb(109, 109, 0)');
    expect(getComputedStyle(preview.querySelector('.primary')!).color).to.equal('rgb(17, 17, 17)');
    await expect(el).to.be.accessible();

    // Dark: #1d4ed8 is too dark on the dark background.
    await type(el, '#branding-primary', '#1d4ed8');
    root(el).querySelector<HTMLInputElement>('input[name=color-scheme][value=dark]')!.click();
    await settle(el);
    expect(norm($(el, '[part~=contrast-warning]').textContent)).to.contain('On the dark background');
  });

  it('Branding: a primary colour no text reads on gets the nearest shade that reads for buttons, and staff read which shade, in their language', async () => {
    const { el } = await mount({ locale: 'pt-BR' });
    const preview = $(el, '[part~=preview-portal]');
    // Sea green: white reaches 4.25:1 on it and near-black 4.45:1, both below 4.5:1; a touch lighter, near-black reads.
    await type(el, '#branding-primary', '#2e8b57');
    const used = getComputedStyle(preview).getPropertyValue('--portal-color-primary').trim();
    expect(used).to.match(/^#[0-9a-f]{6}$/).and.not.equal('#2e8b57');
    const text = norm($(el, '[part~=contrast-warning]').textContent);
    expect(text).to.contain('Nem texto branco nem quase preto chega a 4,5:1 sobre a sua cor principal (no máximo 4,4:1)');
    expect(text).to.contain(`os botões usam um tom mais claro dela: ${used}`);
    expect(getComputedStyle(preview.querySelector('.primary')!).color).to.equal('rgb(17, 17, 17)');
    await expect(el).to.be.accessible();
  });

  it('Branding: a logo over 256 KB or not PNG/JPEG is refused without uploading; a good one is uploaded with Save', async () => {
    const { el, calls } = await mount();
    const input = $<HTMLInputElement>(el, '#branding-logo');
    const choose = async (file: File) => {
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(el);
    };
    await choose(new File([new Uint8Array(300 * 1024)], 'logo.png', { type: 'image/png' }));
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(norm($(el, '#branding-logo-error').textContent)).to.equal('The logo is larger than 256 KB. Make it smaller and choose it again.');
    expect(input.value).to.equal('');
    await expect(el).to.be.accessible();
    button(el, 'Save branding').click();
    await settle(el);
    expect(named(calls, 'uploadLogo')).to.have.length(0);
    calls.length = 0;

    await choose(new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    expect(norm($(el, '#branding-logo-error').textContent)).to.equal('The logo must be a PNG or JPEG image.');

    const good = new File([new Uint8Array(10 * 1024)], 'logo.png', { type: 'image/png' });
    await choose(good);
    expect(root(el).querySelector('#branding-logo-error')).to.be.null;
    expect($<HTMLImageElement>(el, '[part~=logo] img').alt).to.contain('New logo');
    button(el, 'Save branding').click();
    await settle(el);
    expect(named(calls, 'uploadLogo').map((call) => call.args[0])).to.deep.equal([good]);
    expect(calls.map((call) => call.name).filter((name) => name === 'uploadLogo' || name === 'updateSettings')).to.deep.equal(['uploadLogo', 'updateSettings']);
    expect($<HTMLImageElement>(el, '[part~=logo] img').alt).to.equal('Current logo');
  });

  it('Modules: saving sends exactly the chosen list, in menu order; options follow the switches', async () => {
    const { el, calls } = await mount();
    $<HTMLInputElement>(el, '#module-campaigns').click();
    $<HTMLInputElement>(el, '#module-billing').click();
    $<HTMLInputElement>(el, '#module-materials').click();
    await settle(el);
    expect(root(el).querySelector('form[data-group=billing]')).to.be.null;
    button(el, 'Save modules').click();
    await settle(el);
    expect(named(calls, 'updateSettings').map((call) => call.args[0])).to.deep.equal([
      { modules: ['processes', 'documents', 'appointments', 'requests', 'profile', 'news', 'materials', 'campaigns'] },
    ]);
    expect(norm($(el, 'form[data-group=modules] [part=saved]').textContent)).to.equal('Modules saved.');
    await expect(el).to.be.accessible();
  });

  it('Appointment options: the seed’s choices, saved whole', async () => {
    const { el, calls } = await mount();
    const form = $(el, 'form[data-group=appointments]');
    expect([...form.querySelectorAll('label.choice')].map((label) => norm(label.textContent))).to.deep.equal([
      'Clients book themselves (they pick a free time)',
      'Clients request, staff confirm',
      'Off (clients are told how to reach you)',
    ]);
    form.querySelector<HTMLInputElement>('input[value=request]')!.click();
    await type(el, '#appointments-hours', '48');
    $<HTMLInputElement>(el, '#appointments-guide').click();
    await type(el, '#appointments-contact', '');
    button(el, 'Save appointment options').click();
    await settle(el);
    expect(named(calls, 'saveAppointmentSettings').map((call) => call.args[0])).to.deep.equal([
      { bookingMode: 'request', showAppointments: true, cancellation: { allowed: true, hoursBefore: 48 }, guide: false, horizonDays: 60, minNoticeMinutes: 120, contact: null },
    ]);
    expect(norm($(el, 'form[data-group=appointments] [part=saved]').textContent)).to.equal('Appointment options saved.');
  });

  it('Appointment options: a deadline out of range is refused before saving', async () => {
    const { el, calls } = await mount();
    await type(el, '#appointments-hours', '1000');
    button(el, 'Save appointment options').click();
    await settle(el);
    expect(named(calls, 'saveAppointmentSettings')).to.have.length(0);
    expect(root(el).activeElement).to.equal($(el, '#appointments-hours'));
    await expect(el).to.be.accessible();
  });

  it('Billing and document options are saved to their own endpoints', async () => {
    const { el, calls } = await mount();
    $<HTMLInputElement>(el, '#billing-pending').click();
    await type(el, '#billing-pix-city', 'BH');
    button(el, 'Save billing options').click();
    $<HTMLInputElement>(el, '#documents-rectified').click();
    setValue(el, '#documents-since', 'all', 'change');
    await settle(el);
    button(el, 'Save document options').click();
    await settle(el);
    expect(named(calls, 'saveBillingSettings').map((call) => call.args[0])).to.deep.equal([
      { pixKey: '12.345.678/0001-90', pixMerchantName: 'CLINICA SOL LTDA', pixMerchantCity: 'BH', showPendingReports: true },
    ]);
    expect(named(calls, 'saveDocumentSettings').map((call) => call.args[0])).to.deep.equal([{ esocialIncludeRectified: true, esocialSinceMonths: null }]);
  });

  it('a failed save says why in words, marks the field the server refused, and keeps the draft', async () => {
    const { el } = await mount({
      overrides: { updateSettings: () => Promise.reject(new ApiError('invalid_input', 400, 'bad', undefined, [{ path: 'portalUrl', message: 'Invalid URL' }])) },
    });
    button(el, 'Save general settings').click();
    await settle(el);
    expect(norm($(el, 'form[data-group=general] [role=alert]').textContent)).to.equal('Some values were not accepted. Check the marked fields.');
    expect($(el, '#general-url').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    const refused = await mount({ overrides: { updateSettings: () => Promise.reject(new ApiError('password_confirmation_required', 403, 'confirm')) } });
    button(refused.el, 'Save modules').click();
    await settle(refused.el);
    expect(norm($(refused.el, 'form[data-group=modules] [role=alert]').textContent)).to.equal('Nothing was saved: your password was not confirmed.');
  });

  it('shows Saving… on the button while a save runs, and sends nothing twice', async () => {
    let finish: () => void = () => {};
    const { el, calls } = await mount({ overrides: { saveDocumentSettings: () => new Promise<void>((resolve) => (finish = resolve)) } });
    const save = $<HTMLButtonElement>(el, 'form[data-group=documents] [part=save]');
    save.click();
    await settle(el);
    expect(norm(save.textContent)).to.equal('Saving…');
    expect(save.getAttribute('aria-disabled')).to.equal('true');
    save.click();
    await settle(el);
    expect(named(calls, 'saveDocumentSettings')).to.have.length(1);
    await expect(el).to.be.accessible();
    finish();
    await settle(el);
    expect(norm(save.textContent)).to.equal('Save document options');
  });

  it('read-only staff see every value disabled and no Save button', async () => {
    const { el, calls } = await mount({ me: fixtureStaffMe('read-only') });
    expect(root(el).querySelectorAll('[part=save]')).to.have.length(0);
    expect(root(el).querySelectorAll('[part=read-only]')).to.have.length(6);
    expect($<HTMLInputElement>(el, '#general-name').matches(':disabled')).to.be.true;
    expect($<HTMLInputElement>(el, '#appointments-hours').matches(':disabled')).to.be.true;
    expect(button(el, 'Add a website')).to.be.undefined;
    expect(named(calls, 'getBillingSettings')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('staff without a module’s read permission are not shown its options, and the server is not asked', async () => {
    const { el, calls } = await mount({ me: fixtureStaffMe('staff', ['accounts:read', 'appointments:read', 'appointments:write']) });
    expect(named(calls, 'getBillingSettings')).to.have.length(0);
    expect(norm($(el, '[aria-labelledby=billing-options-title]').textContent)).to.contain('You do not have permission to see these options.');
    expect(root(el).querySelector('form[data-group=appointments] [part=save]')).to.exist;
    expect(root(el).querySelector('form[data-group=general] [part=save]')).to.be.null;
  });

  it('speaks Brazilian Portuguese and Spanish, and fits 320 px without scrolling sideways', async () => {
    const pt = await mount({ locale: 'pt-BR' });
    expect(norm($(pt.el, 'h2').textContent)).to.equal('Configurações');
    expect(button(pt.el, 'Salvar módulos')).to.exist;
    const es = await mount({ locale: 'es', width: 320 });
    expect(button(es.el, 'Guardar la imagen de marca')).to.exist;
    expect(es.el.scrollWidth).to.be.at.most(320);
    await expect(es.el).to.be.accessible();
  });
});
