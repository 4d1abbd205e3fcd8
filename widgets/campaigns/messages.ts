import { withContentMessages } from '../core/content-base.ts';

const en = {
  title: 'Benefits',
  'sign-in-first': 'Sign in to see the benefits we offer you.',
  until: 'Until {date}',
  'interest.sent': 'We got your interest.',
  'interest.follow': 'Follow the request',
  'interest.where': 'You can follow it under Requests.',
  empty: 'No campaigns right now. When {business} starts one for you, it shows here.',
  business: 'the business',
};
type Key = keyof typeof en;

const ptBR: Record<Key, string> = {
  title: 'Vantagens',
  'sign-in-first': 'Entre para ver as vantagens que oferecemos a você.',
  until: 'Até {date}',
  'interest.sent': 'Recebemos o seu interesse.',
  'interest.follow': 'Acompanhar a solicitação',
  'interest.where': 'Você pode acompanhá-la em Solicitações.',
  empty: 'Nenhuma campanha no momento. Quando {business} lançar uma para você, ela aparece aqui.',
  business: 'a empresa',
};

const es: Record<Key, string> = {
  title: 'Ventajas',
  'sign-in-first': 'Acceda para ver las ventajas que le ofrecemos.',
  until: 'Hasta el {date}',
  'interest.sent': 'Hemos recibido su interés.',
  'interest.follow': 'Seguir la solicitud',
  'interest.where': 'Puede seguirla en Solicitudes.',
  empty: 'No hay campañas en este momento. Cuando {business} lance una para usted, aparecerá aquí.',
  business: 'la empresa',
};

/** `<portal-campaigns>`' strings, with the shared content ones. */
export const messages = withContentMessages<Key>({ en, 'pt-BR': ptBR, es });
export type CampaignsKey = Key;
