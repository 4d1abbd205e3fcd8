import { describe } from '../../openapi/meta.ts';
import type { StaffMember } from './schemas.ts';

const member: StaffMember = {
  id: '4b3a2918-0f7e-4d6c-9b5a-483726150f1e',
  email: 'paulo@clinicasol.example',
  name: 'Paulo Nunes',
  role: 'staff',
  permissions: ['requests:read', 'requests:write', 'appointments:read', 'appointments:write'],
  status: 'active',
  secondFactor: true,
  lastSignInAt: '2026-11-24T12:31:04.000Z',
  createdAt: '2026-03-02T12:00:00.000Z',
};

const invited: StaffMember = { ...member, id: '8f7e6d5c-4b3a-4291-8e7d-6c5b4a392817', email: 'joana@clinicasol.example', name: 'Joana Lima', role: 'read-only', permissions: [], status: 'pending', secondFactor: false, lastSignInAt: null, createdAt: '2026-11-24T14:10:00.000Z' };

const ownersOnly = 'Only an owner makes, or changes, an owner (`forbidden` otherwise). A staff member must have entered the password in the last minutes.';

/** The OpenAPI words of `/api/v1/staff`. */
export const staffRouteDocs = {
  list: describe({
    summary: 'The console’s team',
    description: 'Owners and admins only (the `staff:write` scope is never an API token’s).',
    responses: { 200: { description: 'Every staff member, by name', example: { items: [member, invited] } } },
  }),
  invite: describe({
    summary: 'Invite a staff member',
    description: `E-mails a setup link (72 h) where the new member chooses a password and enrols a second factor. Roles: \`owner\` and \`admin\` do everything, \`staff\` gets \`permissions\` (the API scopes), \`read-only\` reads everything. An e-mail already in the team is \`staff_exists\`. ${ownersOnly}`,
    responses: { 201: { description: 'The member, pending until the link is used', example: invited } },
    problems: ['staff_exists'],
    requestExample: { email: 'joana@clinicasol.example', name: 'Joana Lima', role: 'read-only', permissions: [] },
  }),
  change: describe({
    summary: 'Change a staff member’s role, permissions or status',
    description: `Disabling, or changing the role or permissions, ends the member’s console sessions. Nobody can disable themselves, and the last owner cannot stop being one (\`last_owner\`). ${ownersOnly}`,
    responses: { 200: { description: 'The member as it is now', example: { ...member, permissions: ['requests:read', 'requests:write'] } } },
    problems: ['last_owner'],
    requestExample: { permissions: ['requests:read', 'requests:write'] },
  }),
};
