/** The languages the portal speaks (C5). */
export const LOCALES = ['pt-BR', 'es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A catalogue of messages: English defines the keys, the other two must have every one (checked by tsc). */
export type Catalog<Keys extends string> = Record<Locale, Record<Keys, string>>;

/** Looks up a message and fills its `{placeholders}`. */
export type Translate<Keys extends string> = (key: Keys, values?: Record<string, string | number>) => string;

/** A translator for one locale over one catalogue. */
export function translator<Keys extends string>(catalog: Catalog<Keys>, locale: Locale): Translate<Keys> {
  const messages = catalog[locale] ?? catalog.en;
  return (key, values) =>
    (messages[key] ?? catalog.en[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(values?.[name] ?? whole));
}

/** Whether `value` is one of the portal's locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The closest portal locale to a BCP 47 tag (`pt-PT` → pt-BR, `es-MX` → es), or undefined. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  if (isLocale(tag)) return tag;
  const language = tag.toLowerCase().split('-')[0];
  return LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language);
}

/** Each language's name in that language, as a switcher lists them. */
export const LOCALE_NAMES: Record<Locale, string> = { 'pt-BR': 'Português (Brasil)', es: 'Español', en: 'English' };

/** Strings shared by every widget: states, and the problem codes the server answers with. */
export const coreMessages = {
  en: {
    loading: 'Loading…',
    'language.label': 'Language',
    'error.tenant_not_found': 'This portal is not available. Please check the address or contact the business.',
    'error.network_error': 'We could not reach the portal. Check your connection and try again.',
    'error.generic': 'Something went wrong. Please try again in a moment.',
    retry: 'Try again',
  },
  'pt-BR': {
    loading: 'Carregando…',
    'language.label': 'Idioma',
    'error.tenant_not_found': 'Este portal não está disponível. Confira o endereço ou fale com a empresa.',
    'error.network_error': 'Não foi possível acessar o portal. Verifique sua conexão e tente de novo.',
    'error.generic': 'Algo deu errado. Tente novamente em instantes.',
    retry: 'Tentar de novo',
  },
  es: {
    loading: 'Cargando…',
    'language.label': 'Idioma',
    'error.tenant_not_found': 'Este portal no está disponible. Revise la dirección o contacte con la empresa.',
    'error.network_error': 'No pudimos conectar con el portal. Revise su conexión e inténtelo de nuevo.',
    'error.generic': 'Algo salió mal. Inténtelo de nuevo en un momento.',
    retry: 'Reintentar',
  },
} satisfies Catalog<string>;

export type CoreMessageKey = keyof (typeof coreMessages)['en'];
const _allLocalesComplete: Catalog<CoreMessageKey> = coreMessages;
void _allLocalesComplete;

/** The message for a problem code, falling back to a generic one for codes a widget does not know. */
export function errorMessage(t: Translate<CoreMessageKey>, code: string): string {
  const key = `error.${code}` as CoreMessageKey;
  return key in coreMessages.en ? t(key) : t('error.generic');
}
