import type { Catalog } from '../../core/i18n.ts';

const en = {
  title: 'Confirm it is you',
  help: 'For your security, enter your password again to save these changes.',
  password: 'Password',
  confirm: 'Confirm',
  confirming: 'Checking…',
  cancel: 'Cancel',
  'error.required': 'Enter your password.',
  'error.invalid_credentials': 'Wrong password. Please try again.',
  'error.too_many_attempts': 'Too many attempts. Please try again in {wait}.',
  'error.network_error': 'We could not reach Portico. Check your connection and try again.',
  'error.generic': 'Something went wrong. Please try again in a moment.',
};
export type PasswordDialogKey = keyof typeof en;

/** `<admin-password-dialog>`'s strings; Spanish addresses the reader as "usted". */
export const passwordDialogMessages: Catalog<PasswordDialogKey> = {
  en,
  'pt-BR': {
    title: 'Confirme que é você',
    help: 'Para sua segurança, digite sua senha novamente para salvar estas alterações.',
    password: 'Senha',
    confirm: 'Confirmar',
    confirming: 'Conferindo…',
    cancel: 'Cancelar',
    'error.required': 'Digite sua senha.',
    'error.invalid_credentials': 'Senha errada. Tente de novo.',
    'error.too_many_attempts': 'Tentativas demais. Tente de novo daqui a {wait}.',
    'error.network_error': 'Não foi possível acessar o Portico. Verifique sua conexão e tente de novo.',
    'error.generic': 'Algo deu errado. Tente novamente em instantes.',
  },
  es: {
    title: 'Confirme que es usted',
    help: 'Por su seguridad, escriba de nuevo su contraseña para guardar estos cambios.',
    password: 'Contraseña',
    confirm: 'Confirmar',
    confirming: 'Comprobando…',
    cancel: 'Cancelar',
    'error.required': 'Escriba su contraseña.',
    'error.invalid_credentials': 'Contraseña incorrecta. Vuelva a intentarlo.',
    'error.too_many_attempts': 'Demasiados intentos. Vuelva a intentarlo dentro de {wait}.',
    'error.network_error': 'No pudimos conectar con Portico. Revise su conexión y vuelva a intentarlo.',
    'error.generic': 'Algo salió mal. Vuelva a intentarlo en un momento.',
  },
};
