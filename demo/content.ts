import type { Tx } from '../server/db/database.ts';
import type { Storage } from '../server/storage/storage.ts';
import type { TenantLinks } from '../server/features/modules/schemas.ts';
import { demoPdf } from './documents.ts';

const DAY = 86_400_000;

interface DemoContent {
  links: TenantLinks;
  news: { key: string; title: string; summary: string; body: string; daysAgo: number; onlyFirstAccount?: boolean }[];
  materials: { key: string; topic: string; title: string; body?: string; file?: string }[];
  campaigns: { key: string; title: string; description: string; days: number; action: { kind: 'interest'; label: string } | { kind: 'link'; label: string; url: string } }[];
}

/** Clínica Sol (seed 003 as the model): news for client companies, how-to materials, a check-up campaign. */
export const CLINICA_SOL_CONTENT: DemoContent = {
  links: {
    site: 'https://www.clinicasol.example/',
    social: [
      { network: 'instagram', url: 'https://www.instagram.com/clinicasol.example' },
      { network: 'linkedin', url: 'https://www.linkedin.com/company/clinicasol-example' },
      { network: 'whatsapp', url: 'https://wa.me/551932345610' },
    ],
  },
  news: [
    { key: 'novo-horario', title: 'Novo horário aos sábados', summary: 'A partir de dezembro, exames também aos sábados das 7h às 11h.', body: 'A partir de **dezembro** atendemos aos sábados, das 7h às 11h, para exames admissionais e periódicos.\n\nAgende pelo portal, em *Agendamentos*.', daysAgo: 2 },
    { key: 'nr-1', title: 'NR-1: riscos psicossociais no PGR', summary: 'O que muda no gerenciamento de riscos a partir de 2026.', body: '## O que muda\n\nA NR-1 passa a exigir a avaliação de **riscos psicossociais** no PGR.\n\n- Inventário de riscos atualizado\n- Plano de ação com prazos\n\nLeia a [norma no site do Ministério](https://www.gov.br/trabalho-e-emprego/).', daysAgo: 12, onlyFirstAccount: true },
    { key: 'laudos-online', title: 'Laudos assinados digitalmente', summary: 'Todos os ASOs agora chegam assinados digitalmente em Documentos.', body: 'Os ASOs e laudos chegam **assinados digitalmente** em até 24 horas, na área *Documentos*.', daysAgo: 40 },
  ],
  materials: [
    { key: 'como-agendar', topic: 'Agendamentos', title: 'Como agendar um exame', body: '1. Abra **Agendamentos**.\n2. Escolha o exame e o dia.\n3. Confirme o horário.\n\nA guia de autorização fica disponível logo em seguida.' },
    { key: 'preparo-exames', topic: 'Agendamentos', title: 'Preparo para os exames', body: '- **Audiometria**: repouso auditivo de 14 horas.\n- **Espirometria**: não fumar 2 horas antes.' },
    { key: 'tabela-precos', topic: 'Financeiro', title: 'Tabela de preços 2026', file: 'Tabela de preços 2026' },
    { key: 'segunda-via', topic: 'Financeiro', title: 'Como tirar a segunda via do boleto', body: 'Em **Financeiro**, abra a cobrança e toque em *Baixar boleto* ou copie a linha digitável.' },
  ],
  campaigns: [
    { key: 'check-up-dependentes', title: 'Check-up para dependentes com 20% de desconto', description: 'Exames laboratoriais e consulta para **dependentes** dos colaboradores das empresas conveniadas.', days: 60, action: { kind: 'interest', label: 'Tenho interesse' } },
    { key: 'vacinacao-gripe', title: 'Vacinação contra a gripe na sua empresa', description: 'Levamos a equipe de enfermagem até a sua empresa, com agendamento por turno.', days: 45, action: { kind: 'link', label: 'Saiba mais', url: 'https://www.clinicasol.example/vacinacao' } },
  ],
};

/** Martins Castro (seed 003): news of immigration law, guides by procedure, a referral campaign. */
export const MARTINS_CASTRO_CONTENT: DemoContent = {
  links: {
    site: 'https://www.martinscastro.example/',
    social: [
      { network: 'instagram', url: 'https://www.instagram.com/martinscastro.example' },
      { network: 'facebook', url: 'https://www.facebook.com/martinscastro.example' },
      { network: 'youtube', url: 'https://www.youtube.com/@martinscastro-example' },
    ],
  },
  news: [
    { key: 'reglamento-extranjeria', title: 'Nuevo Reglamento de Extranjería', summary: 'Lo que cambia en arraigos y renovaciones.', body: 'El nuevo reglamento **reduce a dos años** el arraigo social y crea el arraigo de segunda oportunidad.\n\nSi su expediente está en trámite, no tiene que hacer nada: le avisaremos si algo cambia.', daysAgo: 3 },
    { key: 'cita-huellas', title: 'Citas para la toma de huellas', summary: 'Cómo conseguir cita en comisaría tras la resolución.', body: 'Tras la resolución favorable pedimos la cita por usted. Recibirá el **justificante** en Documentos.', daysAgo: 20 },
  ],
  materials: [
    { key: 'documentos-nacionalidad', topic: 'Nacionalidad', title: 'Documentos para la nacionalidad', body: '- Certificado de nacimiento **apostillado**\n- Antecedentes penales del país de origen\n- DELE A2 y CCSE' },
    { key: 'guia-tie', topic: 'Residencia', title: 'Guía de renovación de la TIE', file: 'Guía de renovación de la TIE' },
  ],
  campaigns: [
    { key: 'recomiende', title: 'Recomiende el despacho', description: 'Si un familiar o amigo necesita ayuda con su residencia, su **primera consulta es gratuita**.', days: 90, action: { kind: 'interest', label: 'Me interesa' } },
  ],
};

/** Saves the footer links, news, materials (with their files in `storage`) and campaigns of the current tenant. */
export async function seedContent(tx: Tx, storage: Storage, tenantId: string, content: DemoContent, firstAccountId: string, now: Date): Promise<void> {
  await tx`update tenants set links = ${tx.json(content.links as never)} where id = ${tenantId}`;
  for (const item of content.news) {
    await tx`insert into news (tenant_id, key, title, summary, body_markdown, publish_at, audience)
             values (${tenantId}, ${item.key}, ${item.title}, ${item.summary}, ${item.body}, ${new Date(now.getTime() - item.daysAgo * DAY)}, ${item.onlyFirstAccount ? [firstAccountId] : null})`;
  }
  for (const [position, item] of content.materials.entries()) {
    let file: { key: string; name: string; size: number } | undefined;
    if (item.file) {
      const bytes = await demoPdf([item.file, 'Material de apoio · Material de apoyo · Support material']);
      const key = `materials/${tenantId}/${crypto.randomUUID()}`;
      await storage.put(key, new Blob([bytes as Uint8Array<ArrayBuffer>]).stream());
      file = { key, name: `${item.file}.pdf`, size: bytes.length };
    }
    await tx`insert into materials (tenant_id, key, topic, title, body_markdown, file_name, content_type, size, storage_key, position)
             values (${tenantId}, ${item.key}, ${item.topic}, ${item.title}, ${item.body ?? null}, ${file?.name ?? null}, ${file ? 'application/pdf' : null},
                     ${file?.size ?? null}, ${file?.key ?? null}, ${position})`;
  }
  for (const item of content.campaigns) {
    await tx`insert into campaigns (tenant_id, key, title, description_markdown, valid_from, valid_until, action)
             values (${tenantId}, ${item.key}, ${item.title}, ${item.description}, ${new Date(now.getTime() - 5 * DAY).toISOString().slice(0, 10)},
                     ${new Date(now.getTime() + item.days * DAY).toISOString().slice(0, 10)}, ${tx.json(item.action)})`;
  }
}
