import { z } from 'zod';
import type { RichText } from '../../content/rich-text.ts';
import { plainText } from '../../http/fields.ts';

const LOCALES = ['pt-BR', 'es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in the tenant's locales: at least one, each bounded. */
const localized = (max: number) =>
  z
    .object({ 'pt-BR': plainText(max).optional(), es: plainText(max).optional(), en: plainText(max).optional() })
    .strict()
    .refine((value) => Object.values(value).some(Boolean), 'must have a text in at least one of pt-BR, es, en');
export type Localized = Partial<Record<Locale, string>>;

export const key = z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'must be 1 to 50 lower-case letters, digits and hyphens');
const externalId = z.string().trim().min(1).max(100).regex(/^[^\u0000-\u001f]+$/, 'must not contain control characters');

/** A phase template: the ordered phases a kind of case goes through. */
export const templateInput = z
  .object({
    name: localized(120),
    phases: z
      .array(z.object({ key, name: localized(120), description: localized(2000).optional() }).strict())
      .min(1)
      .max(50)
      .refine((phases) => new Set(phases.map((phase) => phase.key)).size === phases.length, 'phase keys must be different'),
  })
  .strict();

/** An external reference of a case: the registry's process number, its access key … shown masked, revealable. */
const reference = z.object({ label: plainText(80), value: plainText(200), secret: z.boolean().default(false) }).strict();

export const processInput = z
  .object({
    externalId,
    accountId: z.uuid(),
    title: plainText(200),
    kind: plainText(80).nullable().optional(),
    template: key,
    /** The phase it is in; defaults to the template's first when the process is new. */
    phase: key.optional(),
    references: z.array(reference).max(10).default([]),
  })
  .strict();
export type ProcessInput = z.infer<typeof processInput>;
export const processBatch = z.object({ items: z.array(processInput).min(1).max(1000) }).strict();

export const phaseChange = z.object({ phase: key, note: plainText(500).optional() }).strict();

/** A notice (something happened) or a follow-up (what to do next): Markdown, sanitised into rich text. */
export const noticeInput = z
  .object({
    kind: z.enum(['notice', 'follow-up']).default('notice'),
    title: plainText(200),
    body: plainText(20_000),
    /** E-mail the account's users about it (unless the business switched notifications off). */
    notify: z.boolean().default(true),
  })
  .strict();

export const settingsInput = z.object({ notifyClients: z.boolean() }).strict();

export interface PhaseView {
  key: string;
  name: string;
  description: string | null;
  /** 1-based. */
  position: number;
  state: 'done' | 'current' | 'upcoming';
  /** When the process last entered this phase. */
  enteredAt: string | null;
}

export interface ProcessSummary {
  id: string;
  accountId: string;
  accountName: string;
  title: string;
  kind: string | null;
  currentPhase: { key: string; name: string; position: number } | null;
  phaseCount: number;
  /** Notices published since the user last opened the process (0 for quick access). */
  unread: number;
  updatedAt: string;
}

export interface ProcessNotice {
  id: string;
  kind: 'notice' | 'follow-up';
  title: string;
  body: RichText;
  publishedAt: string;
  /** Published since the user last opened the process. */
  unread: boolean;
}

export interface ProcessDetail extends ProcessSummary {
  /** The portal's own quick-access number (A8, T4). */
  quickAccessNumber: string;
  references: { label: string; value: string; secret: boolean }[];
  phases: PhaseView[];
  /** Phase changes, newest first. */
  history: { phase: string; phaseName: string; at: string; note: string | null }[];
  /** Newest first. */
  notices: ProcessNotice[];
  /** When the user had last opened it before now (null: never, or quick access). */
  lastSeenAt: string | null;
  createdAt: string;
}
