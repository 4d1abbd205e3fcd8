import { ApiError } from '../admin-api.ts';
import type { Catalog, Locale } from '../../core/i18n.ts';

/**
 * The problem codes the users section and its dialog and import panel may meet, as sentences for staff. Joined into
 * each of their catalogues, so one translation serves all three.
 */
const en = {
  'error.generic': 'Something went wrong. Please try again in a moment.',
  'error.network_error': 'We could not reach the server. Check your connection and try again.',
  'error.unauthenticated': 'Your session has ended. Please sign in again.',
  'error.forbidden': 'Your role in the console does not allow this. Ask an owner or an admin.',
  'error.not_found': 'This user or account no longer exists. Reload the list to see what is current.',
  'error.invalid_input': 'Check what you entered and try again.',
  'error.password_confirmation_required': 'This change needs your password again. Try once more and confirm it.',
  'error.rate_limited': 'Too many attempts in a short time. Wait a moment and try again.',
  'error.portal_address_missing': 'Set the portal address in Settings first: the e-mails link to it.',
  'error.state_changed': 'This user’s status changed in the meantime. Reload the list and try again.',
  'error.user_exists': 'This person is already a user of this account.',
  'error.conflict': 'This person is already a user of this account.',
};
export type ProblemKey = keyof typeof en;

/** The problem sentences in the console's three languages (Spanish addresses the reader as "usted"). */
export const problemMessages: Catalog<ProblemKey> = {
  en,
  'pt-BR': {
    'error.generic': 'Algo deu errado. Tente novamente em instantes.',
    'error.network_error': 'Não foi possível falar com o servidor. Verifique sua conexão e tente de novo.',
    'error.unauthenticated': 'Sua sessão terminou. Entre novamente.',
    'error.forbidden': 'Seu papel no console não permite isto. Peça a um proprietário ou administrador.',
    'error.not_found': 'Este usuário ou conta não existe mais. Recarregue a lista para ver o que está em vigor.',
    'error.invalid_input': 'Confira o que você preencheu e tente de novo.',
    'error.password_confirmation_required': 'Esta alteração pede sua senha de novo. Tente outra vez e confirme-a.',
    'error.rate_limited': 'Muitas tentativas em pouco tempo. Aguarde um momento e tente de novo.',
    'error.portal_address_missing': 'Defina primeiro o endereço do portal em Configurações: os e-mails levam até ele.',
    'error.state_changed': 'A situação deste usuário mudou nesse meio-tempo. Recarregue a lista e tente de novo.',
    'error.user_exists': 'Esta pessoa já é usuária desta conta.',
    'error.conflict': 'Esta pessoa já é usuária desta conta.',
  },
  es: {
    'error.generic': 'Algo salió mal. Vuelva a intentarlo en un momento.',
    'error.network_error': 'No pudimos conectar con el servidor. Revise su conexión y vuelva a intentarlo.',
    'error.unauthenticated': 'Su sesión ha terminado. Vuelva a acceder.',
    'error.forbidden': 'Su rol en la consola no permite esto. Pídalo a un propietario o administrador.',
    'error.not_found': 'Este usuario o cuenta ya no existe. Recargue la lista para ver lo vigente.',
    'error.invalid_input': 'Revise lo que ha escrito y vuelva a intentarlo.',
    'error.password_confirmation_required': 'Este cambio requiere de nuevo su contraseña. Inténtelo otra vez y confírmela.',
    'error.rate_limited': 'Demasiados intentos en poco tiempo. Espere un momento y vuelva a intentarlo.',
    'error.portal_address_missing': 'Indique primero la dirección del portal en Configuración: los correos enlazan a ella.',
    'error.state_changed': 'El estado de este usuario cambió mientras tanto. Recargue la lista y vuelva a intentarlo.',
    'error.user_exists': 'Esta persona ya es usuaria de esta cuenta.',
    'error.conflict': 'Esta persona ya es usuaria de esta cuenta.',
  },
};

/** A catalogue joined to the problem sentences. */
export function withProblems<K extends string>(own: Catalog<K>): Catalog<K | ProblemKey> {
  const join = (locale: Locale) => ({ ...problemMessages[locale], ...own[locale] });
  return { en: join('en'), 'pt-BR': join('pt-BR'), es: join('es') };
}

/**
 * The sentence key for a failed call: the problem's `code`, with two readings of the status — a 409 `invalid_input`
 * is a user whose status changed meanwhile, any 429 is "too many attempts" — and the generic sentence for codes
 * this section does not know.
 */
export function problemKey(error: unknown): ProblemKey {
  if (!(error instanceof ApiError)) return 'error.generic';
  if (error.code === 'invalid_input' && error.status === 409) return 'error.state_changed';
  if (error.status === 429) return 'error.rate_limited';
  const key = `error.${error.code}`;
  return key in en ? (key as ProblemKey) : 'error.generic';
}

/** Whether a failure is only the abort of a call no longer wanted. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** `one` or `other` for `count` in `locale`. */
export function pluralOf(locale: Locale, count: number): 'one' | 'other' {
  return new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
}
