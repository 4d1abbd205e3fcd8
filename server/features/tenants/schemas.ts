import { z } from 'zod';

/** The languages the portal speaks. */
export const LOCALES = ['pt-BR', 'es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A tenant's slug as it appears in URLs and in `data-tenant`. */
export const tenantSlug = z.string().regex(/^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/, 'must be lower-case letters, digits and hyphens');

const FONT_NAME = `(?:[A-Za-z0-9-]+(?: [A-Za-z0-9-]+)*|'[A-Za-z0-9 -]+'|"[A-Za-z0-9 -]+")`;
/** A CSS font stack that cannot end its declaration early (the same rule the database checks). */
const FONT_STACK = new RegExp(`^${FONT_NAME}(?: *, *${FONT_NAME})*$`);

const hexColour = z.string().regex(/^#[0-9a-f]{6}$/, 'must be a colour as #rrggbb (lower case)');
const origin = z
  .string()
  .regex(/^https?:\/\/[a-z0-9.-]+(:[0-9]{1,5})?$/, 'must be an origin such as https://www.example.com')
  .refine((value) => URL.canParse(value) && new URL(value).origin === value, 'must be an origin such as https://www.example.com');
/** An IANA time zone the runtime knows, such as America/Sao_Paulo. */
export const timeZone = z.string().max(64).refine((value) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as America/Sao_Paulo');

/** Branding a tenant chooses (SECURITY.md 21: colours as #rrggbb, logo https or served by Portico itself). */
export const brandingSchema = z.object({
  logoUrl: z
    .string()
    .max(2048)
    .regex(/^(https:\/\/|\/(?!\/))[^\s"'<>\\]*$/, 'must be an https:// URL or a path on this server')
    .nullable()
    .default(null),
  primaryColor: hexColour.default('#1d4ed8'),
  accentColor: hexColour.default('#0f766e'),
  radius: z.number().int().min(0).max(24).default(8),
  fontFamily: z
    .string()
    .max(200)
    .regex(FONT_STACK, 'must be font names, bare or in balanced quotes, separated by commas')
    .default('system-ui, sans-serif'),
  colorScheme: z.enum(['light', 'dark', 'auto']).default('light'),
});
export type Branding = z.output<typeof brandingSchema>;

/** Everything needed to create a tenant (operator CLI, demo seed, tests). */
export const newTenantSchema = z.object({
  slug: tenantSlug,
  name: z.string().trim().min(1).max(120),
  portalEnabled: z.boolean().default(true),
  locale: z.enum(LOCALES).default('pt-BR'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as BRL').default('BRL'),
  timeZone: timeZone.default('America/Sao_Paulo'),
  branding: brandingSchema.default(brandingSchema.parse({})),
  portalUrl: z.url({ protocol: /^https?$/ }).nullable().default(null),
  embedOrigins: z.array(origin).max(20).default([]),
  modules: z.array(z.string().regex(/^[a-z-]{1,32}$/)).max(32).default([]),
});
export type NewTenant = z.input<typeof newTenantSchema>;

/** What anyone may learn about a portal: `GET /api/portal/tenants/{slug}`. */
export interface PublicTenant {
  slug: string;
  name: string;
  locale: Locale;
  currency: string;
  timeZone: string;
  branding: Branding;
  /** The modules (widgets) this tenant has switched on. */
  modules: string[];
  /** The business's site and social profiles, for the whole portal's footer (seed 003). */
  links: { site: string | null; social: { network: string; url: string }[] };
}
