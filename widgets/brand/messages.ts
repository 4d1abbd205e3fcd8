import type { Catalog } from '../core/i18n.ts';

/** `<portal-brand>`'s own strings. */
export const brandMessages = {
  en: { 'brand.portal': '{name} client portal', 'brand.loading': 'Loading the portal…' },
  'pt-BR': { 'brand.portal': 'Portal do cliente {name}', 'brand.loading': 'Carregando o portal…' },
  es: { 'brand.portal': 'Portal de clientes de {name}', 'brand.loading': 'Cargando el portal…' },
} satisfies Catalog<'brand.portal' | 'brand.loading'>;
