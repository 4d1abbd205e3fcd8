import type { OwnerSql, Tx } from '../../db/database.ts';
import { newTenantSchema, type NewTenant, type PublicTenant } from './schemas.ts';

interface TenantRow {
  id: string;
  slug: string;
  name: string;
  default_locale: PublicTenant['locale'];
  currency: string;
  time_zone: string;
  logo_url: string | null;
  primary_color: string;
  accent_color: string;
  corner_radius: number;
  font_family: string;
  color_scheme: PublicTenant['branding']['colorScheme'];
  modules: string[];
  links: PublicTenant['links'];
}

function toPublicTenant(row: TenantRow): PublicTenant {
  return {
    slug: row.slug,
    name: row.name,
    locale: row.default_locale,
    currency: row.currency,
    timeZone: row.time_zone,
    branding: {
      logoUrl: row.logo_url,
      primaryColor: row.primary_color,
      accentColor: row.accent_color,
      radius: row.corner_radius,
      fontFamily: row.font_family,
      colorScheme: row.color_scheme,
    },
    modules: row.modules,
    links: row.links,
  };
}

/** The public face of an enabled tenant, or undefined for an unknown or disabled one. */
export async function findEnabledTenant(tx: Tx, slug: string): Promise<(PublicTenant & { id: string }) | undefined> {
  const [row] = await tx<TenantRow[]>`
    select id, slug, name, default_locale, currency, time_zone, logo_url, primary_color, accent_color,
           corner_radius, font_family, color_scheme, modules, links
      from tenants where slug = ${slug} and portal_enabled`;
  return row && { id: row.id, ...toPublicTenant(row) };
}

/** Whether `origin` may embed this enabled tenant's portal. */
export async function tenantAllowsOrigin(tx: Tx, slug: string, origin: string): Promise<boolean> {
  const [row] = await tx`select 1 from tenants where slug = ${slug} and portal_enabled and ${origin} = any(embed_origins)`;
  return row !== undefined;
}

/** Whether `origin` may embed some enabled tenant's portal (a preflight does not say which tenant). */
export async function someTenantAllowsOrigin(tx: Tx, origin: string): Promise<boolean> {
  const [row] = await tx`select 1 from tenants where portal_enabled and embed_origins @> array[${origin}]::text[] limit 1`;
  return row !== undefined;
}

/** Creates a tenant; an operator task, so it runs on the owner connection. Returns the new id. */
export async function createTenant(sql: OwnerSql, input: NewTenant): Promise<string> {
  const t = newTenantSchema.parse(input);
  const [row] = await sql<{ id: string }[]>`
    insert into tenants (slug, name, portal_enabled, default_locale, currency, time_zone, logo_url, primary_color,
                         accent_color, corner_radius, font_family, color_scheme, portal_url, embed_origins, modules)
    values (${t.slug}, ${t.name}, ${t.portalEnabled}, ${t.locale}, ${t.currency}, ${t.timeZone}, ${t.branding.logoUrl},
            ${t.branding.primaryColor}, ${t.branding.accentColor}, ${t.branding.radius}, ${t.branding.fontFamily},
            ${t.branding.colorScheme}, ${t.portalUrl}, ${t.embedOrigins}, ${t.modules})
    returning id`;
  return row!.id;
}

/** How many tenants exist: the demo is seeded only on an empty database. */
export async function countTenants(sql: OwnerSql): Promise<number> {
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from tenants`;
  return row!.count;
}
