import type { Catalog } from '../core/i18n.ts';

/** `<portal-brand>`'s own strings. */
export const brandMessages = {
  en: { 'brand.portal': '{name} client portal', 'brand.loading': 'Loading the portal…', 'brand.signed-in': 'Signed in as {email}', 'brand.process': 'Following a process' },
  'pt-BR': { 'brand.portal': 'Portal do cliente {name}', 'brand.loading': 'Carregando o portal…', 'brand.signed-in': 'Conectado como {email}', 'brand.process': 'Acompanhando um processo' },
  es: { 'brand.portal': 'Portal de clientes de {name}', 'brand.loading': 'Cargando el portal…', 'brand.signed-in': 'Ha accedido como {email}', 'brand.process': 'Consultando un expediente' },
} satisfies Catalog<'brand.portal' | 'brand.loading' | 'brand.signed-in' | 'brand.process'>;
