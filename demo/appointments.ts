import type { Tx } from '../server/db/database.ts';
import { addDays, dateIn, dayBounds, freeSlots } from '../server/features/appointments/slots.ts';
import type { AppointmentSettings, Localized } from '../server/features/appointments/schemas.ts';

interface DemoAgenda {
  settings: AppointmentSettings;
  services: { key: string; names: Localized; kind: 'consultation' | 'exam'; durationMinutes: number; instructions?: Localized }[];
  providers: { key: string; name: string; kind: 'person' | 'clinic' | 'room'; services: string[]; hours: [weekdays: number[], start: string, end: string][] }[];
  /** Closed days (MM-DD), each on its next occurrence: for every provider. */
  holidays: { monthDay: string; reason: string }[];
}

/** Clínica Sol (seed 004): patients book exams and consultations themselves; exams come with an authorization guide. */
export const CLINICA_SOL_AGENDA: DemoAgenda = {
  settings: {
    bookingMode: 'self',
    showAppointments: true,
    cancellation: { allowed: true, hoursBefore: 24 },
    guide: true,
    horizonDays: 60,
    minNoticeMinutes: 120,
    contact: '(19) 3234-5610 · agenda@clinicasol.example',
  },
  services: [
    { key: 'consulta-ocupacional', names: { 'pt-BR': 'Consulta ocupacional (ASO)', es: 'Consulta de salud laboral', en: 'Occupational health consultation' }, kind: 'consultation', durationMinutes: 30 },
    {
      key: 'audiometria',
      names: { 'pt-BR': 'Audiometria', es: 'Audiometría', en: 'Audiometry' },
      kind: 'exam',
      durationMinutes: 20,
      instructions: {
        'pt-BR': 'Repouso auditivo de 14 horas: evite ruído intenso e fones de ouvido antes do exame. Traga um documento com foto.',
        es: 'Reposo auditivo de 14 horas: evite ruidos fuertes y auriculares antes del examen. Traiga un documento con foto.',
        en: '14 hours of hearing rest: avoid loud noise and headphones before the test. Bring a photo ID.',
      },
    },
    {
      key: 'espirometria',
      names: { 'pt-BR': 'Espirometria', es: 'Espirometría', en: 'Spirometry' },
      kind: 'exam',
      durationMinutes: 30,
      instructions: {
        'pt-BR': 'Não fume nas 2 horas anteriores e evite refeições pesadas. Use roupas confortáveis.',
        es: 'No fume en las 2 horas anteriores y evite comidas pesadas. Use ropa cómoda.',
        en: 'Do not smoke for 2 hours before and avoid heavy meals. Wear comfortable clothes.',
      },
    },
    { key: 'acuidade-visual', names: { 'pt-BR': 'Acuidade visual', es: 'Agudeza visual', en: 'Visual acuity' }, kind: 'exam', durationMinutes: 15 },
  ],
  providers: [
    { key: 'dra-helena', name: 'Dra. Helena Prado', kind: 'person', services: ['consulta-ocupacional'], hours: [[[1, 2, 3, 4, 5], '08:00', '12:00']] },
    { key: 'dr-marcos', name: 'Dr. Marcos Teixeira', kind: 'person', services: ['consulta-ocupacional'], hours: [[[2, 4], '13:00', '18:00']] },
    {
      key: 'sala-exames',
      name: 'Sala de exames',
      kind: 'room',
      services: ['audiometria', 'espirometria', 'acuidade-visual'],
      hours: [
        [[1, 2, 3, 4, 5], '07:30', '11:30'],
        [[1, 2, 3, 4, 5], '13:30', '16:30'],
      ],
    },
  ],
  holidays: [
    { monthDay: '12-25', reason: 'Natal' },
    { monthDay: '01-01', reason: 'Confraternização Universal' },
  ],
};

/** Martins Castro (seed 003): clients propose times for a meeting; the office confirms. */
export const MARTINS_CASTRO_AGENDA: DemoAgenda = {
  settings: {
    bookingMode: 'request',
    showAppointments: true,
    cancellation: { allowed: true, hoursBefore: 48 },
    guide: false,
    horizonDays: 90,
    minNoticeMinutes: 24 * 60,
    contact: '+34 914 47 62 30 · despacho@martinscastro.example',
  },
  services: [
    { key: 'consulta-extranjeria', names: { es: 'Consulta de extranjería', 'pt-BR': 'Consulta de imigração', en: 'Immigration consultation' }, kind: 'consultation', durationMinutes: 45 },
    { key: 'firma-documentos', names: { es: 'Firma de documentos', 'pt-BR': 'Assinatura de documentos', en: 'Signing documents' }, kind: 'consultation', durationMinutes: 15 },
  ],
  providers: [
    {
      key: 'ines-martins',
      name: 'Inés Martins',
      kind: 'person',
      services: ['consulta-extranjeria', 'firma-documentos'],
      hours: [
        [[1, 2, 3, 4], '09:30', '13:30'],
        [[1, 2, 3, 4], '16:00', '19:00'],
        [[5], '09:30', '14:00'],
      ],
    },
  ],
  holidays: [
    { monthDay: '12-25', reason: 'Navidad' },
    { monthDay: '01-06', reason: 'Reyes' },
  ],
};

/** Saves an agenda: settings, services, providers with their weekly hours, and the coming holidays. Returns provider ids by key. */
export async function seedAgenda(tx: Tx, agenda: DemoAgenda, timeZone: string, now: Date): Promise<Map<string, string>> {
  const s = agenda.settings;
  await tx`insert into appointment_settings (tenant_id, booking_mode, show_appointments, cancellation_allowed, cancel_hours_before, guide, horizon_days, min_notice_minutes, contact)
           values (portico_current_tenant(), ${s.bookingMode}, ${s.showAppointments}, ${s.cancellation.allowed}, ${s.cancellation.hoursBefore}, ${s.guide},
                   ${s.horizonDays}, ${s.minNoticeMinutes}, ${s.contact})`;
  const services = new Map<string, string>();
  for (const service of agenda.services) {
    const [row] = await tx<{ id: string }[]>`
      insert into appointment_services (tenant_id, key, names, kind, duration_minutes, instructions)
      values (portico_current_tenant(), ${service.key}, ${tx.json(service.names)}, ${service.kind}, ${service.durationMinutes}, ${service.instructions ? tx.json(service.instructions) : null})
      returning id`;
    services.set(service.key, row!.id);
  }
  const providers = new Map<string, string>();
  for (const provider of agenda.providers) {
    const [row] = await tx<{ id: string }[]>`insert into providers (tenant_id, key, name, kind) values (portico_current_tenant(), ${provider.key}, ${provider.name}, ${provider.kind}) returning id`;
    providers.set(provider.key, row!.id);
    for (const key of provider.services) await tx`insert into provider_services (tenant_id, provider_id, service_id) values (portico_current_tenant(), ${row!.id}, ${services.get(key)!})`;
    for (const [weekdays, start, end] of provider.hours) {
      for (const weekday of weekdays) {
        await tx`insert into availability_rules (tenant_id, provider_id, weekday, start_time, end_time) values (portico_current_tenant(), ${row!.id}, ${weekday}, ${start}, ${end})`;
      }
    }
  }
  const today = dateIn(now, timeZone);
  for (const holiday of agenda.holidays) {
    const thisYear = `${today.slice(0, 4)}-${holiday.monthDay}`;
    const date = thisYear >= today ? thisYear : `${Number(today.slice(0, 4)) + 1}-${holiday.monthDay}`;
    const period = dayBounds(date, timeZone);
    await tx`insert into availability_exceptions (tenant_id, period, reason) values (portico_current_tenant(), tstzrange(${period.from}, ${period.to}), ${holiday.reason})`;
  }
  return providers;
}

/** The first free slot of `serviceKey` with `providerKey` on or after the day `daysFromNow` away (skipping weekends and holidays). */
async function slotFrom(tx: Tx, agenda: DemoAgenda, providerIds: Map<string, string>, keys: { service: string; provider: string }, timeZone: string, now: Date, daysFromNow: number) {
  const provider = agenda.providers.find((candidate) => candidate.key === keys.provider)!;
  const service = agenda.services.find((candidate) => candidate.key === keys.service)!;
  const id = providerIds.get(keys.provider)!;
  const openings = provider.hours.flatMap(([weekdays, start, end]) => weekdays.map((weekday) => ({ providerId: id, weekday, start, end })));
  const from = addDays(dateIn(now, timeZone), daysFromNow);
  const busy = await tx<{ providerId: string | null; from: Date; to: Date }[]>`
    select provider_id as "providerId", lower(period) as "from", upper(period) as "to" from availability_exceptions where tenant_id = portico_current_tenant()
    union all select provider_id, lower(period), upper(period) from appointments where status = 'booked' and tenant_id = portico_current_tenant()`;
  const far = new Date(now.getTime() + 400 * 86_400_000);
  const days = freeSlots({ timeZone, from, to: addDays(from, 14), durationMinutes: service.durationMinutes, openings, busy, notBefore: daysFromNow < 0 ? new Date(0) : now, notAfter: far });
  const slot = days.flatMap((day) => day.slots)[1] ?? days.flatMap((day) => day.slots)[0]!;
  return { start: new Date(slot.start), end: new Date(slot.end), providerId: id, serviceId: await serviceId(tx, keys.service) };
}

async function serviceId(tx: Tx, key: string): Promise<string> {
  const [row] = await tx<{ id: string }[]>`select id from appointment_services where key = ${key} and tenant_id = portico_current_tenant()`;
  return row!.id;
}

/** Clínica Sol: HR's bookings for employees — an audiometry next week (with its guide), a consultation, one last month, one cancelled. */
export async function seedClinicaSolAppointments(tx: Tx, timeZone: string, people: { userId: string; accountId: string; establishmentId: string; otherAccountId: string }, now: Date): Promise<void> {
  const providers = await seedAgenda(tx, CLINICA_SOL_AGENDA, timeZone, now);
  const at = (service: string, provider: string, days: number) => slotFrom(tx, CLINICA_SOL_AGENDA, providers, { service, provider }, timeZone, now, days);
  // HR books for the company's employees: each booking names who attends (the patient on the guide).
  const bookings = [
    { ...(await at('audiometria', 'sala-exames', 5)), status: 'booked', attendee: 'Carlos Mendes' },
    { ...(await at('consulta-ocupacional', 'dra-helena', 9)), status: 'booked', attendee: 'Juliana Rocha' },
    { ...(await at('consulta-ocupacional', 'dra-helena', -30)), status: 'booked', attendee: 'Carlos Mendes' },
    { ...(await at('espirometria', 'sala-exames', -12)), status: 'cancelled', attendee: 'Rafael Souza' },
  ];
  for (const booking of bookings) {
    const created = new Date(Math.min(now.getTime(), booking.start.getTime()) - 7 * 86_400_000);
    await tx`insert into appointments (tenant_id, account_id, establishment_id, user_id, provider_id, service_id, attendee_name, period, status, created_at, cancelled_at, cancelled_by)
             values (portico_current_tenant(), ${people.accountId}, ${people.establishmentId}, ${people.userId}, ${booking.providerId}, ${booking.serviceId}, ${booking.attendee},
                     tstzrange(${booking.start}, ${booking.end}), ${booking.status}, ${created},
                     ${booking.status === 'cancelled' ? created : null}, ${booking.status === 'cancelled' ? 'client' : null})`;
  }
  // G3: Ana Souza's account books by request only (a per-account exception to the clinic's self-booking).
  await tx`insert into appointment_account_settings (tenant_id, account_id, booking_mode) values (portico_current_tenant(), ${people.otherAccountId}, 'request')`;
}

/** Martins Castro: Lucía's confirmed meeting (from a proposal the office answered) and a proposal still pending. */
export async function seedMartinsCastroAppointments(tx: Tx, timeZone: string, people: { userId: string; accountId: string }, now: Date): Promise<void> {
  const providers = await seedAgenda(tx, MARTINS_CASTRO_AGENDA, timeZone, now);
  const meeting = await slotFrom(tx, MARTINS_CASTRO_AGENDA, providers, { service: 'consulta-extranjeria', provider: 'ines-martins' }, timeZone, now, 6);
  const signing = await slotFrom(tx, MARTINS_CASTRO_AGENDA, providers, { service: 'firma-documentos', provider: 'ines-martins' }, timeZone, now, 15);
  const asked = new Date(now.getTime() - 3 * 86_400_000);
  const proposal = async (service: string, subject: string, times: Date[], status: 'pending' | 'confirmed', answer?: string) => {
    const [request] = await tx<{ id: string }[]>`
      insert into requests (tenant_id, account_id, author_id, category, subject, description, status, created_at, updated_at)
      values (portico_current_tenant(), ${people.accountId}, ${people.userId}, 'appointment', ${subject},
              ${`Horarios propuestos:\n${times.map((time) => `• ${new Intl.DateTimeFormat('es', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(time)}`).join('\n')}`},
              ${status === 'pending' ? 'open' : 'answered'}, ${asked}, ${asked})
      returning id`;
    if (answer) await tx`insert into request_messages (tenant_id, request_id, author_type, author_name, body, created_at) values (portico_current_tenant(), ${request!.id}, 'staff', 'Inés Martins', ${answer}, ${now})`;
    const [row] = await tx<{ id: string }[]>`
      insert into appointment_proposals (tenant_id, request_id, account_id, user_id, service_id, provider_id, times, status, created_at, answered_at)
      values (portico_current_tenant(), ${request!.id}, ${people.accountId}, ${people.userId}, ${await serviceId(tx, service)}, ${providers.get('ines-martins')!},
              ${times.map((time) => time.toISOString())}::timestamptz[], ${status}, ${asked}, ${status === 'confirmed' ? now : null})
      returning id`;
    return row!.id;
  };
  const confirmed = await proposal('consulta-extranjeria', 'Solicitud de cita: Consulta de extranjería', [meeting.start, new Date(meeting.start.getTime() + 86_400_000)], 'confirmed', 'Le confirmamos la cita. Traiga el pasaporte y la TIE.');
  const [booked] = await tx<{ id: string }[]>`
    insert into appointments (tenant_id, account_id, user_id, provider_id, service_id, period, proposal_id, created_at)
    values (portico_current_tenant(), ${people.accountId}, ${people.userId}, ${meeting.providerId}, ${meeting.serviceId}, tstzrange(${meeting.start}, ${meeting.end}), ${confirmed}, ${now})
    returning id`;
  await tx`update appointment_proposals set appointment_id = ${booked!.id} where id = ${confirmed}`;
  await proposal('firma-documentos', 'Solicitud de cita: Firma de documentos', [signing.start, new Date(signing.start.getTime() + 2 * 86_400_000)], 'pending');
}
