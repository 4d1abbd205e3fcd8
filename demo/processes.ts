import type { Tx } from '../server/db/database.ts';
import { recordPhase } from '../server/features/processes/queries.ts';
import type { Localized } from '../server/features/processes/schemas.ts';

const DAY = 86_400_000;

interface DemoTemplate {
  key: string;
  name: Localized;
  phases: { key: string; name: Localized; description: Localized }[];
}

interface DemoCase {
  /** Which of the seeded processes (by quick-access number), or a new one for the account. */
  number: string;
  externalId: string;
  kind: string;
  template: string;
  /** Phases reached, oldest first, with how many days ago each began. */
  path: [phase: string, daysAgo: number][];
  references: { label: string; value: string; secret: boolean }[];
  notices: { kind: 'notice' | 'follow-up'; title: string; body: string; daysAgo: number }[];
}

const phase = (key: string, es: string, pt: string, en: string, description: [string, string, string]) => ({
  key,
  name: { es, 'pt-BR': pt, en },
  description: { es: description[0], 'pt-BR': description[1], en: description[2] },
});

/** Martins Castro's templates: Spanish nationality by residence (7 phases) and renewing a residence card (5). */
export const MARTINS_CASTRO_TEMPLATES: DemoTemplate[] = [
  {
    key: 'nacionalidad',
    name: { es: 'Nacionalidad por residencia', 'pt-BR': 'Nacionalidade por residência', en: 'Nationality by residence' },
    phases: [
      phase('documentacion', 'Documentación', 'Documentação', 'Documents', ['Reunimos certificados, antecedentes penales y pruebas DELE y CCSE.', 'Reunimos certidões, antecedentes criminais e provas DELE e CCSE.', 'We gather certificates, criminal records and the DELE and CCSE tests.']),
      phase('presentacion', 'Presentación', 'Apresentação', 'Filing', ['Presentamos la solicitud telemática ante el Ministerio de Justicia.', 'Apresentamos o pedido eletrônico ao Ministério da Justiça.', 'We file the application online with the Ministry of Justice.']),
      phase('tramite', 'En trámite', 'Em tramitação', 'In progress', ['El Ministerio revisa el expediente y pide informes a otros organismos.', 'O Ministério analisa o processo e pede pareceres a outros órgãos.', 'The Ministry reviews the file and asks other bodies for reports.']),
      phase('requerimiento', 'Requerimiento', 'Exigência', 'Request for documents', ['El Ministerio pide un documento más; lo aportamos en el plazo.', 'O Ministério pede mais um documento; nós o entregamos no prazo.', 'The Ministry asks for one more document; we provide it in time.']),
      phase('resolucion', 'Resolución', 'Decisão', 'Decision', ['Se dicta la resolución que concede la nacionalidad.', 'É publicada a decisão que concede a nacionalidade.', 'The decision granting nationality is issued.']),
      phase('jura', 'Jura', 'Juramento', 'Oath', ['Jura o promesa ante el Registro Civil, con cita previa.', 'Juramento perante o Registro Civil, com agendamento.', 'Oath before the Civil Registry, by appointment.']),
      phase('inscripcion', 'Inscripción', 'Inscrição', 'Registration', ['Inscripción del nacimiento en el Registro Civil español y DNI.', 'Inscrição do nascimento no Registro Civil espanhol e DNI.', 'Birth registration in the Spanish Civil Registry and ID card.']),
    ],
  },
  {
    key: 'renovacion-tie',
    name: { es: 'Renovación de la TIE', 'pt-BR': 'Renovação do cartão de residência', en: 'Residence card renewal' },
    phases: [
      phase('solicitud', 'Solicitud', 'Pedido', 'Application', ['Preparamos y presentamos la renovación.', 'Preparamos e apresentamos a renovação.', 'We prepare and file the renewal.']),
      phase('resolucion', 'Resolución', 'Decisão', 'Decision', ['La Oficina de Extranjería resuelve.', 'O escritório de estrangeiros decide.', 'The immigration office decides.']),
      phase('huellas', 'Toma de huellas', 'Coleta de digitais', 'Fingerprints', ['Cita para la toma de huellas en comisaría.', 'Agendamento para coleta de digitais.', 'Appointment to give fingerprints.']),
      phase('recogida', 'Recogida', 'Retirada', 'Collection', ['Recogida de la tarjeta física.', 'Retirada do cartão físico.', 'Collecting the physical card.']),
      phase('finalizado', 'Finalizado', 'Concluído', 'Done', ['Tarjeta en vigor. Le avisaremos antes de la próxima renovación.', 'Cartão válido. Avisaremos antes da próxima renovação.', 'Card valid. We will remind you before the next renewal.']),
    ],
  },
];

export const MARTINS_CASTRO_CASES: DemoCase[] = [
  {
    number: '4829163057',
    externalId: 'EXP-2025-0148',
    kind: 'Nacionalidad',
    template: 'nacionalidad',
    path: [['documentacion', 300], ['presentacion', 260], ['tramite', 255], ['requerimiento', 12]],
    references: [
      { label: 'N.º de expediente del Ministerio', value: 'R-2025-0148213', secret: false },
      { label: 'Clave de acceso a la sede electrónica', value: 'K7Q2-91XD-P4M8', secret: true },
    ],
    notices: [
      { kind: 'notice', title: 'Solicitud presentada', body: 'Hemos presentado su solicitud de **nacionalidad por residencia**. El Ministerio tiene un año para resolver.', daysAgo: 260 },
      { kind: 'notice', title: 'Requerimiento del Ministerio', body: 'El Ministerio pide un **certificado de antecedentes penales** de su país de origen, apostillado y traducido.\n\nTenemos de plazo hasta el día indicado en el requerimiento. Puede consultar la guía en [el portal del Ministerio](https://www.mjusticia.gob.es/).', daysAgo: 12 },
      { kind: 'follow-up', title: 'Qué necesitamos de usted', body: '1. Pida el certificado en el consulado.\n2. Apostíllelo.\n3. Envíenoslo escaneado a [despacho@martinscastro.example](mailto:despacho@martinscastro.example).\n\nNosotros nos encargamos de la traducción jurada.', daysAgo: 2 },
    ],
  },
  {
    number: '7316502948',
    externalId: 'EXP-2026-0031',
    kind: 'Extranjería',
    template: 'renovacion-tie',
    path: [['solicitud', 40], ['resolucion', 9]],
    references: [{ label: 'N.º de expediente de Extranjería', value: '280020260031457', secret: false }],
    notices: [{ kind: 'notice', title: 'Renovación presentada', body: 'Hemos presentado la renovación de su tarjeta. Mientras se resuelve, **su tarjeta sigue siendo válida** con el justificante que le enviamos.', daysAgo: 40 }],
  },
];

/** Clínica Sol runs one long piece of work for Metalúrgica Horizonte: renewing its risk programme (PGR). */
export const CLINICA_SOL_TEMPLATES: DemoTemplate[] = [
  {
    key: 'pgr',
    name: { 'pt-BR': 'Programa de Gerenciamento de Riscos', es: 'Programa de gestión de riesgos', en: 'Risk management programme' },
    phases: [
      phase('visita', 'Visita técnica', 'Visita técnica', 'Site visit', ['Nuestro equipo visita cada establecimiento.', 'Nossa equipe visita cada estabelecimento.', 'Our team visits each site.']),
      phase('levantamento', 'Relevamiento de riesgos', 'Levantamento de riscos', 'Risk survey', ['Mediciones e inventario de riesgos por sector.', 'Medições e inventário de riscos por setor.', 'Measurements and a risk inventory per sector.']),
      phase('elaboracao', 'Elaboración', 'Elaboração', 'Drafting', ['Redactamos el programa y su plan de acción.', 'Redigimos o PGR e o plano de ação.', 'We draft the programme and its action plan.']),
      phase('revisao', 'Revisión', 'Revisão com a empresa', 'Review', ['Lo revisamos con RR. HH. y el comité de seguridad.', 'Revisamos o documento com o RH e a CIPA.', 'We review it with HR and the safety committee.']),
      phase('entrega', 'Entrega', 'Entrega', 'Delivery', ['El programa firmado está en Documentos.', 'PGR assinado disponível em Documentos.', 'The signed programme is in Documents.']),
    ],
  },
];

export const CLINICA_SOL_CASES: Omit<DemoCase, 'number'>[] = [
  {
    externalId: 'PGR-2026-HORIZONTE',
    kind: 'PGR',
    template: 'pgr',
    path: [['visita', 45], ['levantamento', 30], ['elaboracao', 6]],
    references: [{ label: 'Ordem de serviço', value: 'OS-2026-0412', secret: false }],
    notices: [{ kind: 'follow-up', title: 'Documentos para a revisão', body: 'Para a revisão, separe a **lista de funções** atualizada e as fichas de EPI de cada setor.', daysAgo: 5 }],
  },
];

/** Saves the templates, then gives each case its template, references, dated phase history and notices. */
export async function seedProcesses(tx: Tx, templates: DemoTemplate[], cases: (DemoCase & { processId: string })[], now: Date): Promise<void> {
  for (const template of templates) {
    await tx`insert into process_templates (tenant_id, key, name, phases) values (portico_current_tenant(), ${template.key}, ${tx.json(template.name)}, ${tx.json(template.phases as never)})`;
  }
  const seeder = { type: 'operator', id: 'demo-seed' };
  for (const item of cases) {
    await tx`update processes set external_id = ${item.externalId}, kind = ${item.kind}, template_key = ${item.template},
               external_refs = ${tx.json(item.references as never)}, created_at = ${new Date(now.getTime() - item.path[0]![1] * DAY)}
             where id = ${item.processId}`;
    for (const [key, daysAgo] of item.path) await recordPhase(tx, item.processId, key, seeder, null, new Date(now.getTime() - daysAgo * DAY));
    for (const notice of item.notices) {
      await tx`insert into process_notices (tenant_id, process_id, kind, title, body_markdown, actor_type, actor_id, published_at)
               values (portico_current_tenant(), ${item.processId}, ${notice.kind}, ${notice.title}, ${notice.body}, 'operator', 'demo-seed',
                       ${new Date(now.getTime() - notice.daysAgo * DAY)})`;
    }
  }
}
