import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { DEMO_API_TOKENS, DEMO_SIGN_INS } from '../../demo/people.ts';
import { watchForErrors } from '../helpers/browser.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';

// The walk-through on the clinica-sol demo: rh@horizonte.example books an audiometry for an employee from
// the exam room's real availability, sees it listed, downloads its authorization guide, and cancels it.
let demo: DemoServer;

before(async () => {
  demo = await startDemoServer();
});
after(() => demo?.stop());

test('rh@horizonte.example books an exam, sees it listed, downloads its guide and cancels it', async () => {
  const page = await demo.browser.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${demo.url}/demo/clinica-sol/`);
  await page.fill('portal-login input[name=email]', DEMO_SIGN_INS['clinica-sol'].email);
  await page.fill('portal-login input[name=password]', DEMO_SIGN_INS['clinica-sol'].password);
  await page.keyboard.press('Enter');

  const widget = page.locator('portal-appointments');
  await widget.locator('select[name=service]').selectOption('audiometria');
  // A day with free times far enough ahead that the clinic's 24-hour cancellation deadline is still open: this
  // month's, or the next month's near the end of one.
  const soonest = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const laterFreeDay = async () => {
    await widget.locator('[part~=grid][aria-busy=false]').waitFor();
    const dates = await widget.locator('td[data-free=true]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-date')!));
    return dates.find((date) => date >= soonest);
  };
  let day = await laterFreeDay();
  if (!day) {
    await widget.locator('[part~=month-button][data-move="1"]').click();
    day = await laterFreeDay();
  }
  await widget.locator(`td[data-date="${day}"]`).click();
  const time = widget.locator('[part~=time]').first();
  const start = await time.getAttribute('data-start');
  await time.click();
  await widget.locator('input[name=attendee]').fill('Patrícia Lopes');
  await widget.locator('[part~=confirm-button]').click();
  await widget.locator('[part~=booked]').waitFor();

  const item = widget.locator(`[part~=appointment][data-status=booked]`, { has: page.locator(`time[datetime="${start}"]`) });
  await item.waitFor();
  assert.match((await item.textContent()) ?? '', /Audiometria[\s\S]*Patrícia Lopes/);

  const [download] = await Promise.all([page.waitForEvent('download'), item.locator('[part~=guide]').click()]);
  assert.match(download.suggestedFilename(), /\.pdf$/);
  assert.equal((await readFile((await download.path())!)).subarray(0, 5).toString(), '%PDF-');

  await item.locator('[part~=cancel]').click();
  await widget.locator('[part~=cancel-confirm]').click();
  await widget.locator('[role=status]', { hasText: /cancelad/i }).first().waitFor();
  // The business's agenda agrees: the booking is there, cancelled, for whom it was made.
  const date = start!.slice(0, 10);
  const agenda = (await (
    await fetch(`${demo.url}/api/v1/appointments/bookings?from=${date}&to=${date}`, { headers: { Authorization: `Bearer ${DEMO_API_TOKENS['clinica-sol']}` } })
  ).json()) as { items: { start: string; status: string; attendee: string | null }[] };
  const booking = agenda.items.find((candidate) => new Date(candidate.start).toISOString() === start);
  assert.deepEqual([booking?.status, booking?.attendee], ['cancelled', 'Patrícia Lopes']);
  // Booking and cancelling were each e-mailed with an .ics invitation.
  let invitations: unknown[] = [];
  for (let i = 0; i < 50 && invitations.length < 2; i++) {
    const mails = (await (await fetch(`${demo.url}/dev/mail.json`)).json()) as { to: string; attachments?: { filename: string }[] }[];
    invitations = mails.filter((mail) => mail.to === DEMO_SIGN_INS['clinica-sol'].email && mail.attachments?.some((file) => file.filename.endsWith('.ics')));
    if (invitations.length < 2) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(invitations.length, 2, 'booked and cancelled, each with its .ics');
  assert.deepEqual(errors, []);
  await page.close();
});
