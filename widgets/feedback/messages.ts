import { withContentMessages } from '../core/content-base.ts';

const en = {
  open: 'Give us your opinion',
  title: 'Give us your opinion',
  close: 'Close',
  cancel: 'Cancel',
  rating: 'How would you rate the portal?',
  'rating.of': '{rating} of 5',
  'rating.missing': 'Choose a rating from 1 to 5.',
  comment: 'Comment (optional)',
  'comment.hint': 'What did you like, what could be better?',
  send: 'Send',
  sending: 'Sending…',
  thanks: 'Thank you! Your opinion helps us improve.',
};
type Key = keyof typeof en;

const ptBR: Record<Key, string> = {
  open: 'Dê sua opinião',
  title: 'Dê sua opinião',
  close: 'Fechar',
  cancel: 'Cancelar',
  rating: 'Como você avalia o portal?',
  'rating.of': '{rating} de 5',
  'rating.missing': 'Escolha uma nota de 1 a 5.',
  comment: 'Comentário (opcional)',
  'comment.hint': 'Do que você gostou, o que pode melhorar?',
  send: 'Enviar',
  sending: 'Enviando…',
  thanks: 'Obrigado! Sua opinião nos ajuda a melhorar.',
};

const es: Record<Key, string> = {
  open: 'Denos su opinión',
  title: 'Denos su opinión',
  close: 'Cerrar',
  cancel: 'Cancelar',
  rating: '¿Cómo valora el portal?',
  'rating.of': '{rating} de 5',
  'rating.missing': 'Elija una valoración de 1 a 5.',
  comment: 'Comentario (opcional)',
  'comment.hint': '¿Qué le ha gustado y qué podríamos mejorar?',
  send: 'Enviar',
  sending: 'Enviando…',
  thanks: '¡Gracias! Su opinión nos ayuda a mejorar.',
};

/** `<portal-feedback>`' strings, with the shared content ones. */
export const messages = withContentMessages<Key>({ en, 'pt-BR': ptBR, es });
export type FeedbackKey = Key;
