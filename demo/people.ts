/**
 * The demo's people: who can sign in where, and with what. Printed at `npm start` in demo mode and used by the
 * end-to-end tests. Public on purpose — demo data only.
 */
export const DEMO_SIGN_INS = {
  'clinica-sol': { email: 'rh@horizonte.example', password: 'horizonte-demo-2026' },
  'martins-castro': { email: 'lucia@example.com', password: 'lucia-demo-2026' },
} as const;

/**
 * The staff console (`/admin/`): each demo portal's owner. The second factor's secret is fixed so anyone trying the
 * demo can add it to an authenticator app (or compute the code, as the end-to-end test does) — demo data only;
 * real staff enrol their own secret through the setup link.
 */
export const DEMO_STAFF = {
  'clinica-sol': { email: 'marta@clinicasol.example', name: 'Marta Ribeiro', password: 'console-sol-2026', totpSecret: 'KRSXG5CTN5WCAQ3PNZZW63DFEBCGK3LP' },
  'martins-castro': { email: 'rafael@martinscastro.example', name: 'Rafael Martins', password: 'console-mc-2026', totpSecret: 'JVQXE5DJNZZSAQ3BON2HE3ZAIRSW23ZA' },
} as const;

/** The rest of each demo team, so the console's Team section has something to show (they cannot sign in). */
export const DEMO_TEAM = {
  'clinica-sol': [
    { email: 'paulo@clinicasol.example', name: 'Paulo Nunes', role: 'staff', permissions: ['requests:read', 'requests:write', 'appointments:read', 'appointments:write'], status: 'active' },
    { email: 'joana@clinicasol.example', name: 'Joana Lima', role: 'read-only', permissions: [], status: 'pending' },
  ],
  'martins-castro': [{ email: 'ines@martinscastro.example', name: 'Inés Castro', role: 'admin', permissions: [], status: 'pending' }],
} as const;

/** Clínica Sol's client company, its establishments, and a patient who has not used the portal yet. */
export const CLINICA_SOL_PEOPLE = {
  company: { name: 'Metalúrgica Horizonte Ltda', taxId: '11222333000181', establishments: ['Matriz', 'Filial Contagem'] },
  pendingBranchUser: 'filial@horizonte.example',
  firstAccessPerson: { name: 'Ana Souza', taxId: '52998224725', email: 'ana@example.com' },
} as const;

/** Martins Castro's client and her two cases, each with its quick-access number and access key (A8). */
export const MARTINS_CASTRO_PEOPLE = {
  person: { name: 'Lucía Pérez', taxId: 'X1234567L' },
  processes: [
    { title: 'Nacionalidad española por residencia', number: '4829163057', accessKey: 'MC7Q-X2LP-9DKA-R4TW' },
    { title: 'Renovación de la tarjeta de residencia', number: '7316502948', accessKey: 'MC3N-8VHE-KQ5Z-J2YB' },
  ],
} as const;

/**
 * The demo's API tokens (every scope: accounts, users, requests, billing), so the integration API can be tried at once —
 * e.g. answering a request: `curl -H "Authorization: Bearer <token>" …/api/v1/requests`. Demo data only.
 */
export const DEMO_API_TOKENS = {
  'clinica-sol': 'ptk_clinica-sol_DEMOdemoDEMOdemoDEMOdemoDEMOdemoDEMOdemo123',
  'martins-castro': 'ptk_martins-castro_DEMOdemoDEMOdemoDEMOdemoDEMOdemoDEMOdemo456',
} as const;

/** Requests already waiting in each demo inbox. */
export const DEMO_REQUESTS = {
  'clinica-sol': [
    { category: 'financial', subject: 'Segunda via do boleto de outubro', description: 'O boleto de outubro não chegou ao financeiro. Podem enviar a segunda via?', reply: 'Enviamos a segunda via para o e-mail do financeiro. Ela vence em 10 dias.' },
    { category: 'appointment', subject: 'Exames admissionais de 3 funcionários', description: 'Precisamos agendar ASO admissional para três novos colaboradores da Matriz na próxima semana.' },
  ],
  'martins-castro': [
    { category: 'review', subject: 'Falta el certificado de antecedentes', description: 'En la fase actual aparece pendiente el certificado, pero lo entregué la semana pasada.', reply: 'Gracias, Lucía. Lo hemos localizado y ya consta en su expediente.' },
  ],
} as const;
