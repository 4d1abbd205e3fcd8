import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_SIGN_INS, MARTINS_CASTRO_PEOPLE } from '../../demo/people.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';
import { startWalkthrough } from '../helpers/walkthrough.ts';
import { codeIn, integrationCall, Mailbox, signOutClient } from '../helpers/walkthrough-steps.ts';

// Help-centre article 003 ("Cómo usar el Portal del Cliente", Martins Castro) read from top to bottom on the
// martins-castro demo's whole portal (portal.html), by Lucía: each step quotes the article, does what it says and
// keeps a screenshot (test/e2e/output/003-*.png) checked with axe.
let demo: DemoServer;

before(async () => {
  demo = await startDemoServer();
});
after(() => demo?.stop());

const [nationality, renewal] = MARTINS_CASTRO_PEOPLE.processes;
const lucia = DEMO_SIGN_INS['martins-castro'].email;
const newPassword = 'mi portal de extranjería';

const menu = (page: Page) => page.locator('portal-app [part~=nav-link]');
const menuLabels = async (page: Page) => (await menu(page).allTextContents()).map((text) => text.trim());
async function openPortalSection(page: Page, label: string, tag: string) {
  await menu(page).filter({ hasText: label }).click();
  await page.locator(`portal-app ${tag}`).waitFor();
}

test('article 003: Lucía follows "Cómo usar el Portal del Cliente" on the Martins Castro portal', async () => {
  const context = await demo.browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
  const walk = await startWalkthrough(context, '003');
  const { page } = walk;

  // "Esta es la página de inicio del Portal. A través de ella iniciamos nuestra navegación."
  await page.goto(`${demo.url}/demo/martins-castro/portal.html`);
  await page.locator('portal-login input[name=email]').waitFor({ timeout: 30_000 });
  await walk.step('pagina-de-inicio');

  // "Consejo: Puede cambiar el idioma de su Portal a través de la casilla de selección en la esquina superior derecha."
  const language = page.locator('portal-brand').getByRole('combobox', { name: 'Idioma' });
  const box = (await language.boundingBox())!;
  assert.ok(box.x > 1280 / 2 && box.y < 200, `the language choice is at the top right (${box.x}, ${box.y})`);
  await language.selectOption('en');
  await page.getByRole('button', { name: 'Enter with the process number' }).waitFor();
  await walk.step('idioma-en-ingles');
  await page.locator('portal-brand').getByRole('combobox', { name: 'Language' }).selectOption('es');
  await page.getByRole('button', { name: 'Entrar con el número de expediente' }).waitFor();

  // "En esta primera parte, tenemos el área de consulta rápida. Para acceder a ella, ingrese su "Número de proceso"
  // proporcionado, vía correo electrónico, por Martins Castro." Portico also asks for the access key e-mailed with it (a
  // number alone opens nothing); the form is shown here and used for real at "Acceso rápido" below.
  await page.getByRole('button', { name: 'Entrar con el número de expediente' }).click();
  await page.fill('portal-login input[name=number]', nationality.number);
  await page.fill('portal-login input[name=access-key]', nationality.accessKey);
  await walk.step('consulta-rapida');
  await page.getByRole('button', { name: 'Volver al acceso' }).click();

  // "En esta otra parte del Portal, tenemos el área de login para acceder al área exclusiva y privada [...]
  // Si no tiene una cuenta registrada, haga clic en el botón "Regístrese"."
  await page.locator('portal-login input[name=password]').waitFor();
  await walk.step('login');
  await page.getByRole('button', { name: 'Registrarse con un código enviado por correo' }).click();

  // "Introduce el correo electrónico en el campo correspondiente. Nuestro sistema le enviará a su correo electrónico
  // un código con seis números, los cuales, atención, no son su contraseña, sino un token de validación [...] El correo
  // electrónico utilizado en el registro del Portal del Cliente debe ser el mismo informado en los datos para el
  // contrato con Martins Castro." (Lucía's is: the firm knows her; registering sets her password.)
  await page.fill('portal-login input[name=email]', lucia);
  await page.getByRole('button', { name: 'Enviar el código' }).click();
  await page.getByText('No es una contraseña').waitFor();
  const code = codeIn(await new Mailbox(demo.url).next(lucia));
  await walk.step('registro-codigo-enviado');

  // "Introduce el Token en este campo para poder crear tu nueva contraseña. Una vez que haya aplicado su contraseña dos
  // veces, se le redirigirá automáticamente al Portal del Cliente."
  await page.fill('portal-login input[name=code]', code);
  await page.fill('portal-login input[name=new-password]', newPassword);
  await page.fill('portal-login input[name=repeat-password]', newPassword);
  await page.getByRole('button', { name: 'Crear mi acceso' }).click();
  await menu(page).first().waitFor();
  await walk.step('registrada-en-el-portal');

  // "Inicie sesión con su correo electrónico y contraseña"
  await signOutClient(page, 'Cerrar sesión');
  await page.fill('portal-login input[name=email]', lucia);
  await page.fill('portal-login input[name=password]', newPassword);
  await page.keyboard.press('Enter');

  // "Al iniciar sesión, será dirigido a la página principal del Portal, en donde tendrá acceso a un menú con las
  // funcionalidades [...] En la parte inferior encontrarás nuestras redes sociales y página web."
  // (The firm asks Lucía to confirm her data, so the portal opens on "Mis datos" first; "Inicio" is the main page.)
  await menu(page).first().waitFor();
  await menu(page).filter({ hasText: 'Inicio' }).click();
  await page.locator('portal-app [part~=home]').waitFor();
  assert.deepEqual(await menuLabels(page), ['Inicio', 'Pagos', 'Mis expedientes', 'Documentos', 'Citas', 'Solicitudes', 'Mis datos', 'Novedades', 'Materiales de apoyo', 'Ventajas']);
  const footerLinks = (await page.locator('portal-app [part~=footer-link]').allTextContents()).map((text) => text.replace(/\(.*\)/, '').trim());
  assert.deepEqual(footerLinks, ['Sitio web', 'Instagram', 'Facebook', 'YouTube']);
  await walk.step('menu-y-redes-sociales');

  // "En esta página podemos seguir el proceso de nuestro negocio [...] Las fases en las que se encuentran nuestros
  // procesos, así como sus descripciones; número de proceso de Conservatória; clave de acceso al Conservatória; número
  // de nuestro proceso de consulta rápida [...] En la esquina superior izquierda, tenemos una casilla de verificación
  // para seleccionar el negocio que queremos rastrear."
  await openPortalSection(page, 'Mis expedientes', 'portal-process-tracker');
  const tracker = page.locator('portal-app portal-process-tracker');
  const choice = tracker.getByRole('combobox', { name: 'Expediente' });
  const option = async (title: string) => (await choice.locator('option', { hasText: title }).getAttribute('value'))!;
  await choice.selectOption(await option(renewal.title));
  await tracker.getByText('Fase 2 de 5: Resolución').waitFor();
  await choice.selectOption(await option(nationality.title));
  await tracker.getByText('Fase 4 de 7: Requerimiento').waitFor();
  await tracker.getByText('El Ministerio pide un documento más; lo aportamos en el plazo.').first().waitFor();
  const references = tracker.locator('[part~=references]');
  await references.getByRole('button', { name: /^Mostrar\s*: Clave de acceso a la sede electrónica$/ }).click();
  await references.getByText('K7Q2-91XD-P4M8').waitFor();
  const shown = await references.locator('[part~=reference]').evaluateAll((rows) =>
    rows.map((row) => [row.querySelector('dt')!.textContent!.trim(), row.querySelector('[part~=reference-value]')!.textContent!.trim()]),
  );
  assert.deepEqual(shown, [
    ['N.º de expediente del Ministerio', 'R-2025-0148213'],
    ['Clave de acceso a la sede electrónica', 'K7Q2-91XD-P4M8'],
    ['Número de consulta rápida', nationality.number],
  ]);

  // "Encima de la barra de seguimiento del proceso, puede haber un área de fondo azul que contendrá las Avisos y
  // Seguimientos más detallados de su proceso."
  await tracker.locator('[part~=new]').getByText('Qué necesitamos de usted').waitFor();
  await walk.step('mis-negocios-fases-avisos-y-referencias');

  // "En la parte inferior, tenemos la opción de Gestionar los pagos. Nos permiten gestionar los pagos pendientes y
  // completados." (In Portico, the menu's "Pagos".)
  await openPortalSection(page, 'Pagos', 'portal-billing');
  const billing = page.locator('portal-app portal-billing');
  await billing.locator('[part~=charge][data-status=overdue]').first().waitFor();
  await billing.locator('[part~=charge][data-status=paid]').first().waitFor();
  await walk.step('pagos-pendientes-y-completados');

  // "Al hacer clic en "Gestionar métodos de pago", accederá a una página en Stripe (nuestro administrador de pagos)
  // para agregar, eliminar o cambiar métodos de pago." (The demo's stand-in for the provider's page.)
  await billing.getByRole('button', { name: 'Gestionar mis tarjetas' }).click();
  await page.waitForURL(/\/demo\/pay\/#/);
  await page.getByText('Sus tarjetas guardadas').waitFor();
  await walk.step('metodos-de-pago-en-el-proveedor');
  // The provider's page returns to the firm's portal address (its site's client area, index.html), still signed in.
  await page.getByRole('link', { name: 'Volver al portal' }).click();
  await page.waitForURL(`${demo.url}/demo/martins-castro/`);
  await page.locator('portal-billing [part~=charge]').first().waitFor({ timeout: 30_000 });
  await page.goto(`${demo.url}/demo/martins-castro/portal.html#processes`);

  // "¿Falta algún negocio? Haga clic aquí para solicitar una revisión [...] 1. Seleccione el asunto; 2. escribir la
  // descripción de este asunto; 3. enviar."
  await tracker.getByRole('button', { name: '¿Falta algo? Solicite una revisión' }).click({ timeout: 30_000 });
  const requests = page.locator('portal-app portal-requests');
  const subject = requests.locator('input[name=subject]');
  await subject.waitFor();
  assert.match(await subject.inputValue(), /^Revisión de «.+»$/, 'the subject starts pre-filled with the process shown');
  await subject.fill('Falta el expediente de reagrupación familiar de mi hija');
  await requests.locator('textarea[name=description]').fill('Contratamos también la reagrupación familiar de mi hija y no aparece entre mis expedientes.');
  await walk.step('solicitar-una-revision');
  await requests.getByRole('button', { name: 'Enviar solicitud' }).click();
  await requests.getByText('Solicitud enviada.').waitFor();
  const reviews = await integrationCall<{ items: { subject: string }[] }>(demo.url, 'martins-castro', 'GET', '/api/v1/requests?category=review');
  assert.ok(reviews.body.items.some((item) => item.subject === 'Falta el expediente de reagrupación familiar de mi hija'), 'the review reached the firm');

  // "En estas áreas están presentes materiales explicativos para resolver posibles dudas que puedan existir durante
  // su proceso."
  await openPortalSection(page, 'Materiales de apoyo', 'portal-materials');
  const materials = page.locator('portal-app portal-materials');
  await materials.getByRole('button', { name: /Documentos para la nacionalidad/ }).click();
  await materials.getByText('Certificado de nacimiento').waitFor();
  const [guide] = await Promise.all([page.waitForEvent('download'), materials.getByRole('button', { name: /Descargar/ }).first().click()]);
  assert.equal((await readFile((await guide.path())!)).subarray(0, 5).toString(), '%PDF-');
  await walk.step('materiales-de-apoyo');

  // "Aquí puedes encontrar las campañas que están activas, disponibles para ti."
  await openPortalSection(page, 'Ventajas', 'portal-campaigns');
  const campaigns = page.locator('portal-app portal-campaigns');
  await campaigns.getByRole('heading', { name: 'Recomiende el despacho' }).waitFor();
  await campaigns.getByRole('button', { name: 'Me interesa' }).click();
  await campaigns.getByText('Hemos recibido su interés.').waitFor();
  await walk.step('programa-de-ventajas');

  // "Aquí encontrarás todas las novedades relevantes para nuestros clientes."
  await openPortalSection(page, 'Novedades', 'portal-news');
  const news = page.locator('portal-app portal-news');
  await news.getByRole('button', { name: /Nuevo Reglamento de Extranjería/ }).click();
  await news.getByText('reduce a dos años').waitFor();
  await walk.step('noticias');

  // "Cuando queremos hacer una consulta rápida de un proceso, accedemos al portal utilizando el Número de Proceso. A
  // través de él, tenemos un acceso más limitado y solo al proceso en el que ingresamos el número. Sólo tenemos acceso
  // a las páginas: 1. Mi negocio 2. Noticias"
  await signOutClient(page, 'Cerrar sesión');
  await page.getByRole('button', { name: 'Entrar con el número de expediente' }).click();
  await page.fill('portal-login input[name=number]', renewal.number);
  await page.fill('portal-login input[name=access-key]', renewal.accessKey);
  await page.getByRole('button', { name: 'Abrir el expediente' }).click();
  await menu(page).first().waitFor();
  assert.deepEqual(await menuLabels(page), ['Mis expedientes', 'Novedades']);
  await openPortalSection(page, 'Mis expedientes', 'portal-process-tracker');
  await tracker.getByText('Fase 2 de 5: Resolución').waitFor();
  assert.equal(await tracker.getByRole('combobox').count(), 0, 'only the process whose number was entered');
  assert.equal(await tracker.getByRole('button', { name: /Solicite una revisión/ }).count(), 0, 'read-only');
  await walk.step('acceso-rapido-limitado');

  // "Cuéntenos su opinión sobre nuestro sitio web a través del cuadro de diálogo en la esquina inferior derecha que se
  // muestra después de haber ingresado al Portal con su número de proceso o login."
  const feedback = page.locator('portal-app portal-feedback');
  await feedback.getByRole('button', { name: 'Denos su opinión' }).click();
  const dialog = feedback.getByRole('dialog', { name: 'Denos su opinión' });
  // The stars are the radios' labels: a reader clicks the fifth star.
  await dialog.locator('label', { has: page.getByRole('radio', { name: '5 de 5' }) }).click();
  assert.ok(await dialog.getByRole('radio', { name: '5 de 5' }).isChecked());
  await dialog.getByLabel(/Comentario/).fill('Muy cómodo poder ver el expediente sin llamar al despacho.');
  await walk.step('danos-tu-opinion');
  await dialog.getByRole('button', { name: 'Enviar' }).click();
  await dialog.getByText('¡Gracias! Su opinión nos ayuda a mejorar.').waitFor();
  const opinions = await integrationCall<{ comments: { rating: number; comment: string }[] }>(demo.url, 'martins-castro', 'GET', '/api/v1/content/feedback/summary');
  assert.deepEqual(opinions.body.comments[0], { ...opinions.body.comments[0], rating: 5, comment: 'Muy cómodo poder ver el expediente sin llamar al despacho.' }, 'the opinion reached the firm');

  await walk.finish();
});
