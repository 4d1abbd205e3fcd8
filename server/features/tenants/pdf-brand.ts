import type { Tx } from '../../db/database.ts';
import type { PdfTenant } from '../billing/pdf/document.ts';

/** The current tenant as its PDFs show it: name, colour, time zone, and its logo image when it gave one. */
export async function pdfBrand(tx: Tx): Promise<PdfTenant> {
  const [row] = await tx<{ name: string; primaryColor: string; timeZone: string; logoType: 'image/png' | 'image/jpeg' | null; logoBytes: Uint8Array | null }[]>`
    select t.name, t.primary_color as "primaryColor", t.time_zone as "timeZone", l.content_type as "logoType", l.bytes as "logoBytes"
      from tenants t left join tenant_logos l on l.tenant_id = t.id
     where t.id = portico_current_tenant()`;
  const { logoType, logoBytes, ...brand } = row!;
  return { ...brand, ...(logoType && logoBytes ? { logo: { type: logoType, bytes: logoBytes } } : {}) };
}
