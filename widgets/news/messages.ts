import { withContentMessages } from '../core/content-base.ts';

const en = {
  title: 'News',
  'unread.one': '{count} new',
  'unread.other': '{count} new',
  'sign-in-first': 'Sign in to see the news.',
  new: 'New',
  published: 'Published {date}',
  empty: 'No news yet. When {business} publishes news, it shows here.',
  business: 'the business',
  more: 'Show more news',
  back: 'Back to news',
};
type Key = keyof typeof en;

const ptBR: Record<Key, string> = {
  title: 'Novidades',
  'unread.one': '{count} nova',
  'unread.other': '{count} novas',
  'sign-in-first': 'Entre para ver as novidades.',
  new: 'Nova',
  published: 'Publicada em {date}',
  empty: 'Nenhuma novidade ainda. Quando {business} publicar novidades, elas aparecem aqui.',
  business: 'a empresa',
  more: 'Mostrar mais novidades',
  back: 'Voltar às novidades',
};

const es: Record<Key, string> = {
  title: 'Novedades',
  'unread.one': '{count} nueva',
  'unread.other': '{count} nuevas',
  'sign-in-first': 'Acceda para ver las novedades.',
  new: 'Nueva',
  published: 'Publicada el {date}',
  empty: 'Aún no hay novedades. Cuando {business} publique novedades, aparecerán aquí.',
  business: 'la empresa',
  more: 'Mostrar más novedades',
  back: 'Volver a las novedades',
};

/** `<portal-news>`' strings, with the shared content ones. */
export const messages = withContentMessages<Key>({ en, 'pt-BR': ptBR, es });
export type NewsKey = Key;
