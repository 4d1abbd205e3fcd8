import { Hono } from 'hono';
import type { Database, Tx } from '../../db/database.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { AppError } from '../../http/problem.ts';
import { actorOf, requireRecentPassword } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import { MODULES, type Module } from '../modules/schemas.ts';
import type { Branding, Locale } from '../tenants/schemas.ts';
import { adminRouteDocs as doc } from './route-docs.ts';
import { settingsPatch, type SettingsPatch, type TenantSettings } from './schemas.ts';


interface SettingsRow {
  slug: string;
  name: string;
  portal_enabled: boolean;
  default_locale: Locale;
  time_zone: string;
  portal_url: string | null;
  embed_origins: string[];
  logo_url: string | null;
  primary_color: string;
  accent_color: string;
  corner_radius: number;
  font_family: string;
  color_scheme: Branding['colorScheme'];
  modules: string[];
}

/** The tenant's settings as the console shows them. */
async function readSettings(tx: Tx, publicUrl: string): Promise<TenantSettings> {
  const [row] = await tx<SettingsRow[]>`
    select slug, name, portal_enabled, default_locale, time_zone, portal_url, embed_origins, logo_url, primary_color, accent_color,
           corner_radius, font_family, color_scheme, modules
      from tenants where id = portico_current_tenant()`;
  if (!row) throw new AppError('not_found', 404, 'No such portal');
  return {
    slug: row.slug,
    name: row.name,
    portalEnabled: row.portal_enabled,
    defaultLocale: row.default_locale,
    timeZone: row.time_zone,
    portalUrl: row.portal_url,
    embedOrigins: row.embed_origins,
    branding: {
      logoUrl: row.logo_url,
      primaryColor: row.primary_color,
      accentColor: row.accent_color,
      radius: row.corner_radius,
      fontFamily: row.font_family,
      colorScheme: row.color_scheme,
    },
    modules: MODULES.filter((module: Module) => row.modules.includes(module)),
    embedScriptUrl: `${publicUrl.replace(/\/+$/, '')}/embed.js`,
  };
}

/** The tenants columns a patch changes, only for the fields it names. */
function columnsOf(patch: SettingsPatch): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  const set = (column: string, value: unknown) => {
    if (value !== undefined) columns[column] = value;
  };
  set('name', patch.name);
  set('portal_enabled', patch.portalEnabled);
  set('default_locale', patch.defaultLocale);
  set('portal_url', patch.portalUrl);
  set('embed_origins', patch.embedOrigins && [...new Set(patch.embedOrigins)]);
  set('primary_color', patch.branding?.primaryColor);
  set('accent_color', patch.branding?.accentColor);
  set('corner_radius', patch.branding?.radius);
  set('font_family', patch.branding?.fontFamily);
  set('color_scheme', patch.branding?.colorScheme);
  set('modules', patch.modules && MODULES.filter((module) => patch.modules!.includes(module)));
  return columns;
}

/**
 * `/api/v1/settings` (G1, G2, A9): the portal's name, switch, language, address, embedding origins, branding and
 * modules. A change names only what changes; it and its audit entry are one transaction.
 */
export function settingsRoutes(deps: { db: Database; clock: () => Date; publicUrl: string }) {
  const { db, clock, publicUrl } = deps;
  return new Hono()
    .get('/', doc.getSettings, requireIntegration(deps, 'accounts:read'), async (c) => c.json(await db.withTenant(c.get('tenant').id, (tx) => readSettings(tx, publicUrl))))
    .patch('/', doc.patchSettings, requireIntegration(deps, 'branding:write'), requireRecentPassword(), validate('json', settingsPatch), async (c) => {
      const patch = c.req.valid('json');
      const columns = columnsOf(patch);
      if (!Object.keys(columns).length) throw new AppError('invalid_input', 400, 'The change names no setting', [{ path: '', message: 'names no setting' }]);
      const actor = actorOf(c);
      const settings = await db.withTenant(c.get('tenant').id, async (tx) => {
        await tx`update tenants set ${tx({ ...columns, updated_at: clock() } as never)} where id = portico_current_tenant()`;
        await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, data)
                 values (portico_current_tenant(), ${actor.type}, ${actor.id}, 'settings-changed', 'tenant', ${c.get('tenant').id}, ${tx.json(patch as never)})`;
        return readSettings(tx, publicUrl);
      });
      return c.json(settings);
    });
}
