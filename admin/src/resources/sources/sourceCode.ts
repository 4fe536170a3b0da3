/**
 * The parts of a pollution-source code (HJ 608-2017: credit code or H9 code + site number
 * 001-999 + one capital letter) that can be told apart without the server, so the form names
 * the wrong part. The credit code's check character is the server's to judge (the API answers
 * every unusable code alike, so this is only a help while typing).
 */
const UNIT = /^(?:[0-9A-HJ-NPQRTUWXY]{18}|H9\d{6}[0-9A-Z]{9}[a-hj-np-z])$/;

export function sourceCodeHint(value: unknown): string | undefined {
  if (value == null || value === '') return undefined;
  const code = String(value);
  if (code.length !== 22) return 'gw.source.code_length';
  if (!UNIT.test(code.slice(0, 18))) return 'gw.source.code_unit';
  if (!/^\d{3}$/.test(code.slice(18, 21)) || code.slice(18, 21) === '000') return 'gw.source.code_site';
  if (!/^[A-Z]$/.test(code[21])) return 'gw.source.code_suffix';
  return undefined;
}

/** 排放口编码: DA (废气) or DW (废水) + 001-999. */
export const OUTLET_CODE = /^D[AW](?!000)\d{3}$/;
