import { z } from 'zod';

/**
 * The portal's modules (G2): what `<portal-app>` lists in its menu, each the element a business could embed alone.
 * A tenant switches modules on (`tenants.modules`); an account may have exceptions either way (G3).
 */
export const MODULES = ['billing', 'processes', 'documents', 'appointments', 'requests', 'profile', 'news', 'materials', 'campaigns'] as const;
export type Module = (typeof MODULES)[number];

/** An account's exceptions: `true` switches a module on for it, `false` off, `null` removes the exception. */
export const accountModulesInput = z.object({ modules: z.partialRecord(z.enum(MODULES), z.boolean().nullable()) }).strict();

/** The footer of the whole portal (seed 003): the business's site and social profiles. */
export const SOCIAL_NETWORKS = ['instagram', 'facebook', 'linkedin', 'youtube', 'x', 'whatsapp', 'tiktok'] as const;
export const linksInput = z
  .object({
    site: z.string().max(2048).refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'must be an https: address').nullable(),
    social: z
      .array(z.object({ network: z.enum(SOCIAL_NETWORKS), url: z.string().max(2048).refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'must be an https: address') }).strict())
      .max(10),
  })
  .strict();
export type TenantLinks = z.infer<typeof linksInput>;

/**
 * Client API: `GET /api/portal/modules?accountId` → {@link EffectiveModules} for the signed-in user's account (a
 * quick-access session gets `['processes', 'news']` at most). Management API: `GET|PUT /api/v1/accounts/{id}/modules`
 * ({@link accountModulesInput}), `PUT /api/v1/branding/links` ({@link linksInput}). The public tenant
 * (`GET /api/portal/tenants/{slug}`) carries `links`.
 */
export interface EffectiveModules {
  modules: Module[];
}
