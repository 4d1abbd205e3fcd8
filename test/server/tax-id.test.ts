import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidTaxId, normalizeTaxId } from '../../server/features/accounts/tax-id.ts';

test('CPF and CNPJ by their check digits, formatted or not', () => {
  assert.ok(isValidTaxId('cpf', '529.982.247-25'));
  assert.ok(isValidTaxId('cnpj', '11.222.333/0001-81'));
  for (const wrong of ['529.982.247-24', '111.111.111-11', '5299822472', 'abc']) assert.ok(!isValidTaxId('cpf', wrong), wrong);
  for (const wrong of ['11.222.333/0001-82', '00.000.000/0000-00', '1122233300018']) assert.ok(!isValidTaxId('cnpj', wrong), wrong);
});

test('NIF and NIE by their control letter', () => {
  assert.ok(isValidTaxId('nif', '12345678Z'));
  assert.ok(isValidTaxId('nie', 'X1234567L'));
  assert.ok(isValidTaxId('nie', 'y-1234567-x'));
  for (const wrong of ['12345678A', '1234567Z']) assert.ok(!isValidTaxId('nif', wrong), wrong);
  assert.ok(!isValidTaxId('nie', 'X1234567A'));
  assert.equal(normalizeTaxId('11.222.333/0001-81'), '11222333000181');
});
