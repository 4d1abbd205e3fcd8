import type { Tx } from '../server/db/database.ts';
import type { CustomFieldInput, FieldMode } from '../server/features/profile/schemas.ts';

interface DemoProfile {
  modes: Record<string, FieldMode>;
  confirmation: 'off' | 'once' | 'periodic';
  everyMonths: number | null;
  fields: (Pick<CustomFieldInput, 'labels' | 'type' | 'required' | 'choices' | 'min' | 'max' | 'help' | 'accountKind'> & { key: string })[];
}

/** Clínica Sol (seeds 000, 001): companies keep "Capital social" current; patients their health plan; confirmed yearly. */
export const CLINICA_SOL_PROFILE: DemoProfile = {
  modes: { name: 'approve', taxId: 'view', email: 'edit', phone: 'edit', mobile: 'edit', address: 'edit', capitalSocial: 'edit', convenio: 'approve' },
  confirmation: 'periodic',
  everyMonths: 12,
  fields: [
    {
      key: 'capitalSocial',
      labels: { 'pt-BR': 'Capital social', es: 'Capital social', en: 'Share capital' },
      type: 'money',
      required: false,
      min: 0,
      help: { 'pt-BR': 'Como consta no contrato social.', es: 'Como figura en los estatutos.', en: 'As in the articles of association.' },
      accountKind: 'company',
    },
    {
      key: 'convenio',
      labels: { 'pt-BR': 'Convênio', es: 'Seguro médico', en: 'Health plan' },
      type: 'choice',
      required: false,
      choices: [
        { key: 'particular', labels: { 'pt-BR': 'Particular', es: 'Privado', en: 'Private' } },
        { key: 'unimed', labels: { 'pt-BR': 'Unimed' } },
        { key: 'bradesco-saude', labels: { 'pt-BR': 'Bradesco Saúde' } },
      ],
      accountKind: 'person',
    },
  ],
};

/** Martins Castro (seed 003): clients confirm once; the passport number and nationality matter for their files. */
export const MARTINS_CASTRO_PROFILE: DemoProfile = {
  modes: { name: 'approve', taxId: 'view', email: 'edit', phone: 'edit', mobile: 'edit', address: 'edit', pasaporte: 'approve', nacionalidad: 'view' },
  confirmation: 'once',
  everyMonths: null,
  fields: [
    { key: 'pasaporte', labels: { es: 'Número de pasaporte', 'pt-BR': 'Número do passaporte', en: 'Passport number' }, type: 'text', required: true, max: 20, accountKind: 'person' },
    { key: 'nacionalidad', labels: { es: 'Nacionalidad', 'pt-BR': 'Nacionalidade', en: 'Nationality' }, type: 'text', required: false, max: 60, accountKind: 'person' },
  ],
};

/** Saves the tenant's profile settings and custom fields, and the given accounts' values (and a confirmation, when dated). */
export async function seedProfile(
  tx: Tx,
  profile: DemoProfile,
  accounts: { id: string; values: Record<string, unknown>; address?: object; confirmedDaysAgo?: number; pending?: { field: string; before: unknown; after: unknown; daysAgo: number } }[],
  now: Date,
): Promise<void> {
  await tx`insert into profile_settings (tenant_id, modes, confirmation, every_months) values (portico_current_tenant(), ${tx.json(profile.modes)}, ${profile.confirmation}, ${profile.everyMonths})`;
  for (const [position, field] of profile.fields.entries()) {
    await tx`insert into profile_fields (tenant_id, key, labels, type, required, choices, min, max, help, position, account_kind)
             values (portico_current_tenant(), ${field.key}, ${tx.json(field.labels)}, ${field.type}, ${field.required ?? false}, ${field.choices ? tx.json(field.choices) : null},
                     ${field.min === undefined ? null : tx.json(field.min)}, ${field.max === undefined ? null : tx.json(field.max)}, ${field.help ? tx.json(field.help) : null},
                     ${position}, ${field.accountKind ?? null})`;
  }
  for (const account of accounts) {
    if (account.address) await tx`update accounts set address = ${tx.json(account.address as never)} where id = ${account.id}`;
    for (const [key, value] of Object.entries(account.values)) {
      await tx`insert into profile_values (tenant_id, account_id, field_key, value) values (portico_current_tenant(), ${account.id}, ${key}, ${tx.json(value as never)})`;
    }
    // A change a client proposed that waits for the business (P3): the console's "Profile changes" shows it.
    if (account.pending) {
      const { field, before, after, daysAgo } = account.pending;
      await tx`insert into profile_changes (tenant_id, account_id, field_key, before, after, requested_at)
               values (portico_current_tenant(), ${account.id}, ${field}, ${tx.json(before as never)}, ${tx.json(after as never)}, ${new Date(now.getTime() - daysAgo * 86_400_000)})`;
    }
    if (account.confirmedDaysAgo !== undefined) {
      await tx`insert into profile_confirmations (tenant_id, account_id, confirmed_at) values (portico_current_tenant(), ${account.id}, ${new Date(now.getTime() - account.confirmedDaysAgo * 86_400_000)})`;
    }
  }
}
