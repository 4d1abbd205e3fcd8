import { withContentMessages } from '../core/content-base.ts';

const en = {
  title: 'Support materials',
  'sign-in-first': 'Sign in to see the support materials.',
  filters: 'Find materials',
  search: 'Search',
  topic: 'Topic',
  'all-topics': 'All topics',
  read: 'Read',
  updated: 'Updated {date}',
  download: 'Download',
  'download.started': 'Download started: {title}.',
  'count.one': '{count} material found',
  'count.other': '{count} materials found',
  empty: 'No support materials yet. When {business} publishes some, they show here.',
  business: 'the business',
  'no-results': 'No materials match your search.',
  'no-results.q': 'No materials match “{q}”.',
  clear: 'Show all materials',
};
type Key = keyof typeof en;

const ptBR: Record<Key, string> = {
  title: 'Materiais de apoio',
  'sign-in-first': 'Entre para ver os materiais de apoio.',
  filters: 'Encontrar materiais',
  search: 'Buscar',
  topic: 'Tema',
  'all-topics': 'Todos os temas',
  read: 'Ler',
  updated: 'Atualizado em {date}',
  download: 'Baixar',
  'download.started': 'Download iniciado: {title}.',
  'count.one': '{count} material encontrado',
  'count.other': '{count} materiais encontrados',
  empty: 'Nenhum material de apoio ainda. Quando {business} publicar, eles aparecem aqui.',
  business: 'a empresa',
  'no-results': 'Nenhum material corresponde à sua busca.',
  'no-results.q': 'Nenhum material corresponde a “{q}”.',
  clear: 'Mostrar todos os materiais',
};

const es: Record<Key, string> = {
  title: 'Materiales de apoyo',
  'sign-in-first': 'Acceda para ver los materiales de apoyo.',
  filters: 'Buscar materiales',
  search: 'Buscar',
  topic: 'Tema',
  'all-topics': 'Todos los temas',
  read: 'Leer',
  updated: 'Actualizado el {date}',
  download: 'Descargar',
  'download.started': 'Descarga iniciada: {title}.',
  'count.one': '{count} material encontrado',
  'count.other': '{count} materiales encontrados',
  empty: 'Aún no hay materiales de apoyo. Cuando {business} publique alguno, aparecerá aquí.',
  business: 'la empresa',
  'no-results': 'Ningún material coincide con su búsqueda.',
  'no-results.q': 'Ningún material coincide con «{q}».',
  clear: 'Mostrar todos los materiales',
};

/** `<portal-materials>`' strings, with the shared content ones. */
export const messages = withContentMessages<Key>({ en, 'pt-BR': ptBR, es });
export type MaterialsKey = Key;
