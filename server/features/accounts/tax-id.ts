/**
 * Tax ids, checked by their check digits: CPF and CNPJ (Brazil), NIF/DNI and NIE (Spain). Stored as digits and
 * letters only (`11222333000181`, `X1234567L`).
 */
export type TaxIdKind = 'cpf' | 'cnpj' | 'nif' | 'nie';

/** Digits and capital letters only: what is stored. */
export function normalizeTaxId(value: string): string {
  return value.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

function brazilianDigit(digits: number[], weights: number[]): number {
  const sum = digits.reduce((total, digit, i) => total + digit * weights[i]!, 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

function validCpf(id: string): boolean {
  if (!/^\d{11}$/.test(id) || /^(\d)\1{10}$/.test(id)) return false;
  const d = [...id].map(Number);
  const first = brazilianDigit(d.slice(0, 9), [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = brazilianDigit(d.slice(0, 10), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return first === d[9] && second === d[10];
}

function validCnpj(id: string): boolean {
  if (!/^\d{14}$/.test(id) || /^(\d)\1{13}$/.test(id)) return false;
  const d = [...id].map(Number);
  const first = brazilianDigit(d.slice(0, 12), [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = brazilianDigit(d.slice(0, 13), [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return first === d[12] && second === d[13];
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

function validNif(id: string): boolean {
  const match = /^(\d{8})([A-Z])$/.exec(id);
  return Boolean(match && DNI_LETTERS[Number(match[1]) % 23] === match[2]);
}

function validNie(id: string): boolean {
  const match = /^([XYZ])(\d{7})([A-Z])$/.exec(id);
  if (!match) return false;
  const number = Number(`${'XYZ'.indexOf(match[1]!)}${match[2]}`);
  return DNI_LETTERS[number % 23] === match[3];
}

const CHECKS: Record<TaxIdKind, (id: string) => boolean> = { cpf: validCpf, cnpj: validCnpj, nif: validNif, nie: validNie };

/** Whether `value` is a valid tax id of `kind` (formatting such as dots and dashes is ignored). */
export function isValidTaxId(kind: TaxIdKind, value: string): boolean {
  return CHECKS[kind](normalizeTaxId(value));
}

/** The kinds a tenant's clients use: CPF/CNPJ for BRL tenants, NIF/NIE for EUR (Spain). */
export function taxIdKindsFor(currency: string, accountKind: 'person' | 'company'): TaxIdKind[] {
  if (currency === 'BRL') return accountKind === 'company' ? ['cnpj'] : ['cpf'];
  return ['nif', 'nie'];
}
