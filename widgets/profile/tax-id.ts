import type { TaxIdKind } from '../core/profile-types.ts';

/**
 * Tax ids checked by their check digits before anything is sent — CPF and CNPJ (Brazil), NIF/DNI and NIE (Spain) —
 * the same algorithm as the server's (server/features/accounts/tax-id.ts), copied: widgets import no server code.
 */

/** Digits and capital letters only, as the server stores it: `52998224725`, `X1234567L`. */
export function normalizeTaxId(value: string): string {
  return value.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

function brazilianDigit(digits: number[], weights: number[]): number {
  const rest = digits.reduce((total, digit, i) => total + digit * weights[i]!, 0) % 11;
  return rest < 2 ? 0 : 11 - rest;
}

function validBrazilian(id: string, length: 11 | 14): boolean {
  if (id.length !== length || !/^\d+$/.test(id) || /^(\d)\1+$/.test(id)) return false;
  const d = [...id].map(Number);
  const weights = length === 11 ? [11, 10, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const first = brazilianDigit(d.slice(0, length - 2), weights.slice(1));
  const second = brazilianDigit(d.slice(0, length - 1), weights);
  return first === d[length - 2] && second === d[length - 1];
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

function validSpanish(id: string, kind: 'nif' | 'nie'): boolean {
  const match = kind === 'nif' ? /^(\d{8})([A-Z])$/.exec(id) : /^([XYZ])(\d{7})([A-Z])$/.exec(id);
  if (!match) return false;
  const number = kind === 'nif' ? Number(match[1]) : Number(`${'XYZ'.indexOf(match[1]!)}${match[2]}`);
  return DNI_LETTERS[number % 23] === match.at(-1);
}

/** Whether `value` is a valid tax id of `kind` (dots, dashes and spaces ignored). */
export function isValidTaxId(kind: TaxIdKind, value: string): boolean {
  const id = normalizeTaxId(value);
  if (kind === 'cpf') return validBrazilian(id, 11);
  if (kind === 'cnpj') return validBrazilian(id, 14);
  return validSpanish(id, kind);
}

/** A tax id as people write it: CPF 529.982.247-25, CNPJ 11.222.333/0001-81; others as stored. */
export function formatTaxId(value: string, kinds: TaxIdKind[]): string {
  const id = normalizeTaxId(value);
  if (kinds.includes('cpf') && /^\d{11}$/.test(id)) return id.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
  if (kinds.includes('cnpj') && /^\d{14}$/.test(id)) return id.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5');
  return id;
}

/** The kinds' names as one label: "CPF", "NIF / NIE". */
export function taxIdKindsLabel(kinds: TaxIdKind[]): string {
  return kinds.map((kind) => kind.toUpperCase()).join(' / ');
}

/** What an example looks like, for the hint under the input. */
export function taxIdExample(kinds: TaxIdKind[]): string {
  if (kinds.includes('cpf')) return '000.000.000-00';
  if (kinds.includes('cnpj')) return '00.000.000/0000-00';
  return kinds.includes('nif') ? '12345678Z' : 'X1234567L';
}
