import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';
import { startWalkthrough } from '../helpers/walkthrough.ts';
import { confirmPasswordIfAsked, followLink, integrationCall, Mailbox, openSection, signInStaff, signOutClient } from '../helpers/walkthrough-steps.ts';

// Help-centre article 002 (Adracare's client portal, es), read on the Martins Castro demo (es): the owner makes sure
// the portal is open, gives an existing client (Carmen Ruiz) her account — she activates it from the e-mail —, sends
// her a password reset; Carmen tries to book a follow-up, is told why there is no time to book, the provider's hours
// are set and she books; finally the owner closes the portal and the widgets on the site say so.
let demo: DemoServer;

before(async () => {
  demo = await startDemoServer();
});
after(() => demo?.stop());

const CARMEN = 'carmen.ruiz@example.com';
const WEEKDAYS_ES = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes'];

/** The firm's site, where the client area is a section of the home page. */
async function clientArea(page: Page) {
  await page.goto(`${demo.url}/demo/martins-castro/`);
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Área de clientes' }).click();
}

/** Back in the console (its session resumes from its cookie), at a section. */
async function backToConsole(page: Page, section: string) {
  await page.goto(`${demo.url}/admin/?tenant=martins-castro`);
  await page.getByRole('navigation').waitFor({ timeout: 30_000 });
  await openSection(page, section);
}

test('article 002: portal on, an existing client activated and reset, a follow-up booked once the provider has hours, portal off', async () => {
  const mailbox = new Mailbox(demo.url);
  // The practice's own records, which reach Portico from its software through the integration API: an existing client
  // who has no portal account yet, and a provider who offers follow-ups but has not set online hours.
  const client = await integrationCall(demo.url, 'martins-castro', 'POST', '/api/v1/accounts', { kind: 'person', name: 'Carmen Ruiz', email: CARMEN, externalId: 'CLI-0107' });
  assert.equal(client.status, 201, JSON.stringify(client.body));
  const service = await integrationCall(demo.url, 'martins-castro', 'PUT', '/api/v1/appointments/services/seguimiento', {
    names: { es: 'Cita de seguimiento', 'pt-BR': 'Consulta de acompanhamento', en: 'Follow-up appointment' },
    kind: 'consultation',
    durationMinutes: 30,
  });
  assert.equal(service.status, 200, JSON.stringify(service.body));
  const provider = await integrationCall(demo.url, 'martins-castro', 'PUT', '/api/v1/appointments/providers/alvaro-castro', { name: 'Álvaro Castro', kind: 'person', services: ['seguimiento'] });
  assert.equal(provider.status, 200, JSON.stringify(provider.body));

  const context = await demo.browser.newContext({ locale: 'es-ES' });
  // The console asks for the password again (403) before the first sensitive change; the closed portal answers 404.
  const walk = await startWalkthrough(context, '002', { expectedFailures: [/^40[34] /] });
  const { page } = walk;

  // Habilitación del portal del cliente — "Navegue hasta el área "Mi organización" de la plataforma y seleccione
  // "Gestión de acceso""
  await signInStaff(page, demo.url, 'martins-castro');
  await openSection(page, 'Configuración');
  // "Seleccione el nivel "Paciente" y busque "Portal del cliente"" — "Asegúrese de que el "Portal del cliente" esté
  // habilitado"
  const portalOpen = page.getByRole('main').getByRole('switch', { name: 'Portal abierto a los clientes' });
  assert.ok(await portalOpen.isChecked(), 'the portal is open to clients');
  // Patients book online by themselves (this firm confirmed each meeting by hand until now).
  const mode = page.getByRole('main').getByRole('radio', { name: 'Los clientes reservan solos (eligen una hora libre)' });
  await mode.check();
  await walk.step('client portal enabled');
  await page.getByRole('button', { name: 'Guardar las opciones de citas' }).click();
  await confirmPasswordIfAsked(page, 'martins-castro', page.getByText('Opciones de citas guardadas.'));

  // Creación de una cuenta para usuarios existentes — "Vaya al área "Todos los clientes" o "Mis clientes" y busque el
  // cliente relevante para el que desea crear una cuenta" — "Haga clic en el icono "Ver cuenta de cliente""
  await openSection(page, 'Cuentas');
  await page.getByRole('searchbox', { name: 'Buscar cuentas' }).fill('Carmen');
  await page.getByRole('searchbox', { name: 'Buscar cuentas' }).press('Enter');
  await page.getByRole('button', { name: /Detalles y excepciones\s*:\s*Carmen Ruiz/ }).click();
  await page.getByRole('main').getByRole('heading', { name: 'Carmen Ruiz' }).waitFor();
  await walk.step('existing client found');
  // "Seleccione el botón "Activar", esto activará el envío del correo electrónico de activación de la cuenta al
  // cliente" — in Portico the portal account is made in "Usuarios del portal" (the account page has no such button).
  await openSection(page, 'Usuarios del portal');
  await page.getByRole('button', { name: 'Nuevo usuario' }).click();
  const invite = page.getByRole('dialog', { name: 'Invitar a un usuario del portal' });
  await invite.getByLabel('Correo electrónico', { exact: true }).fill(CARMEN);
  await invite.getByLabel(/Busque la cuenta/).fill('Carmen');
  await invite.getByRole('button', { name: 'Buscar' }).click();
  await invite.getByRole('radio', { name: /Carmen Ruiz/ }).check();
  await walk.step('activation for the existing client');
  await invite.getByRole('button', { name: 'Enviar invitación' }).click();
  await invite.waitFor({ state: 'hidden' });
  await page.getByText(`Invitación enviada a ${CARMEN}; el usuario queda pendiente hasta que active su acceso.`).waitFor();
  // Carmen, from her mailbox: the activation e-mail, a password, and she is in.
  const activation = await mailbox.next(CARMEN);
  assert.match(activation.subject, /^Active su acceso/);
  await followLink(page, activation, demo.url);
  await page.getByText('¡Bienvenido! Elija una contraseña para activar su acceso.').waitFor({ timeout: 30_000 });
  await page.locator('portal-login input[name=new-password]').fill('carmen elige su clave');
  await page.locator('portal-login input[name=repeat-password]').fill('carmen elige su clave');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.locator('portal-login').getByText(`Ha accedido como ${CARMEN}`).waitFor();
  await walk.step('client account activated');
  await signOutClient(page, 'Salir');

  // Restablecimiento de las contraseñas — "Vaya al área "Todos los clientes" o "Mis clientes" y busque el cliente
  // relevante" — "Haga clic en el icono "Ver cuenta de cliente"" — "Desplácese hasta la parte inferior de la página y
  // seleccione el botón "Reenviar""
  await backToConsole(page, 'Usuarios del portal');
  await page.getByRole('main').getByRole('searchbox', { name: 'Buscar por correo electrónico' }).fill('carmen');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: `Enviar restablecimiento de contraseña (${CARMEN})` }).click();
  await page.getByText(`Correo de restablecimiento de contraseña enviado a ${CARMEN}.`).waitFor();
  await walk.step('password reset sent');
  // "El Cliente recibirá un correo electrónico de restablecimiento de contraseña y deberá seguir las indicaciones del
  // correo electrónico para completar el restablecimiento de contraseña."
  const reset = await mailbox.next(CARMEN);
  assert.match(reset.subject, /^Restablecimiento de contraseña/);
  await followLink(page, reset, demo.url);
  await page.getByText('Elija su nueva contraseña.').waitFor({ timeout: 30_000 });
  await page.locator('portal-login input[name=new-password]').fill('carmen cambia su clave');
  await page.locator('portal-login input[name=repeat-password]').fill('carmen cambia su clave');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.locator('portal-login').getByText(`Ha accedido como ${CARMEN}`).waitFor();

  // ¿Por qué no aparece la disponibilidad al intentar reservar una cita de seguimiento? — "Si un Cliente se comunicó
  // porque intentó reservar una cita de seguimiento pero no pudo encontrar ninguna disponibilidad adecuada"
  const appointments = page.locator('portal-appointments');
  await appointments.locator('select[name=service]').selectOption('seguimiento');
  await appointments.getByText('Este servicio aún no tiene horario de atención para reservar en línea.').waitFor();
  await walk.step('no availability explained');
  // "asegúrese de que los proveedores relevantes hayan configurado su disponibilidad de reserva en línea correctamente."
  await backToConsole(page, 'Citas');
  await page.getByRole('tab', { name: 'Profesionales y horarios' }).click();
  const alvaro = page.getByRole('main').locator('[part~=item][data-key=alvaro-castro]');
  await alvaro.getByRole('button', { name: 'Ver horario semanal' }).click();
  await alvaro.getByText('Aún sin horario: nadie puede reservar con este profesional.').waitFor();
  await alvaro.getByRole('button', { name: 'Editar horario de Álvaro Castro' }).click();
  for (const day of WEEKDAYS_ES) await alvaro.getByRole('button', { name: `Añadir horas el ${day}` }).click();
  await walk.step('provider online hours');
  await alvaro.getByRole('button', { name: 'Guardar horario' }).click();
  await confirmPasswordIfAsked(page, 'martins-castro', page.getByText('Horario semanal de Álvaro Castro guardado.'));

  // Carmen books her follow-up from Álvaro's availability.
  await clientArea(page);
  await appointments.locator('select[name=service]').selectOption('seguimiento', { timeout: 30_000 });
  await appointments.locator('[part~=grid][aria-busy=false]').waitFor();
  let free = appointments.locator('td[data-free=true]').first();
  if (!(await free.count())) {
    // Near a month's end the first free day may be in the next month.
    await appointments.locator('[part~=month-button][data-move="1"]').click();
    await appointments.locator('[part~=grid][aria-busy=false]').waitFor();
    free = appointments.locator('td[data-free=true]').first();
  }
  await free.click();
  const time = appointments.locator('[part~=time]').first();
  const start = await time.getAttribute('data-start');
  await time.click();
  await appointments.locator('[part~=confirm-button]').click();
  await appointments.locator('[part~=booked]').waitFor();
  await walk.step('follow-up booked');
  const agenda = await integrationCall(demo.url, 'martins-castro', 'GET', `/api/v1/appointments/bookings?from=${start!.slice(0, 10)}&to=${start!.slice(0, 10)}&providerKey=alvaro-castro`);
  assert.ok((agenda.body.items as { start: string; status: string }[]).some((item) => new Date(item.start).toISOString() === new Date(start!).toISOString() && item.status === 'booked'), JSON.stringify(agenda.body));

  // Cómo deshabilitar el portal del cliente — "Vaya a la pestaña "Mi organización" en la plataforma y seleccione
  // "Gestión de acceso"" — "Seleccione la opción "Paciente" y asegúrese de que el "Portal del cliente" esté
  // "deshabilitado"."
  await backToConsole(page, 'Configuración');
  await portalOpen.uncheck();
  await walk.step('client portal disabled');
  await page.getByRole('button', { name: 'Guardar la configuración general' }).click();
  await confirmPasswordIfAsked(page, 'martins-castro', page.getByText('Configuración general guardada.'));
  // The widgets on the firm's site say the portal is closed: in the portal's header, and where Carmen would sign in
  // (no form that could only fail).
  const closed = 'Este portal no está disponible. Revise la dirección o contacte con la empresa.';
  // A browser may keep the portal's public face for a minute (Cache-Control: max-age=60); this visit is one from a
  // browser that has not kept it, as any visit a minute later is.
  const devtools = await context.newCDPSession(page);
  await devtools.send('Network.enable');
  await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
  await clientArea(page);
  await page.locator('portal-brand').getByText(closed).waitFor({ timeout: 30_000 });
  await page.locator('portal-login').getByRole('status').getByText(closed).waitFor();
  assert.equal(await page.locator('portal-login input').count(), 0);
  await walk.step('widgets say the portal is closed');
  assert.equal((await fetch(`${demo.url}/api/portal/tenants/martins-castro`)).status, 404);
  await walk.finish();
});
