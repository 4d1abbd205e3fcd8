import { describe } from '../../openapi/meta.ts';
import type { AccountUpsertResult, NewAccount } from './service.ts';

const accountId = '2f4c6a8e-1b3d-4f5a-9c7e-0d2b4f6a8c1e';

const newAccount: NewAccount = {
  kind: 'company',
  name: 'Metalúrgica Horizonte Ltda',
  taxId: '11.222.333/0001-81',
  email: 'rh@horizonte.example',
  phone: '+553133334444',
  externalId: 'erp-cliente-10482',
  establishments: [{ name: 'Matriz', taxId: '11.222.333/0001-81' }, { name: 'Filial Contagem' }],
};

/** The OpenAPI words of `POST /api/v1/accounts` and `GET /api/v1/accounts/{id}`. */
export const accountRouteDocs = {
  create: describe({
    summary: 'Create a client account (or find it by your own id)',
    description:
      'An account is what portal users reach: a person, or a company with its establishments. Tax ids are checked for the portal’s country (CPF/CNPJ for BRL, NIF/NIE for EUR) and kept without punctuation. With `externalId`, sending an account that already exists answers that one (200, nothing changed), so a sync may send it again.',
    responses: {
      201: { description: 'Created', example: { id: accountId, created: true } },
      200: { description: 'An account with this `externalId` already exists: its id, unchanged', example: { id: accountId, created: false } },
    },
    requestExample: newAccount,
  }),
  upsert: describe({
    summary: 'Upsert up to 1,000 accounts by your own ids',
    description:
      'Each item is created when its `externalId` is new; otherwise its kind, name, tax id, e-mail and phone become what is sent, and establishments it names that the account lacks are added (matched by name; never removed here). All or nothing: one wrong item refuses the batch with each wrong field named `items.<n>.<field>`. Answers one result per item, in the order sent.',
    responses: {
      200: {
        description: 'One result per item',
        example: {
          results: [
            { externalId: 'erp-cliente-10482', id: accountId, result: 'updated' },
            { externalId: 'erp-cliente-10483', id: '5a7c9e1b-3d5f-4a7b-9c1d-3e5f7a9b1c3d', result: 'created' },
          ] satisfies AccountUpsertResult[],
        },
      },
    },
    requestExample: { items: [{ ...newAccount, externalId: 'erp-cliente-10482' }, { kind: 'person', name: 'Joana Prado', email: 'joana.prado@example.com', externalId: 'erp-cliente-10483' }] },
  }),
  get: describe({
    summary: 'Read an account with its establishments',
    responses: {
      200: {
        description: 'The account',
        example: {
          id: accountId,
          kind: 'company',
          name: 'Metalúrgica Horizonte Ltda',
          taxId: '11222333000181',
          email: 'rh@horizonte.example',
          phone: '+553133334444',
          externalId: 'erp-cliente-10482',
          establishments: [
            { id: '7b1e3c5a-9d2f-4e6b-8a0c-1d3e5f7a9b2c', name: 'Filial Contagem', taxId: null },
            { id: '3c5e7a9b-1d2f-4a6b-8c0e-2f4a6b8c0d1e', name: 'Matriz', taxId: '11222333000181' },
          ],
        },
      },
    },
  }),
};
