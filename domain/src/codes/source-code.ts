import { isValidCreditCode, organizationCodeCheckChar } from './credit-code';

/**
 * 固定污染源代码, the code of a pollution source (HJ 608-2017 排污单位编码规则, 4.2 and Annex A;
 * in force 2018-03-01). 22 characters:
 *   1-18   the unit's unified social credit code (GB 32100), or, for a unit without one, the
 *          substitute code of the 2016 固定污染源(水、大气)编码规则(试行), section 四(一):
 *            H9 + the issuing authority's division code (6 digits, GB/T 2260) + 0000 + a 5-digit
 *               sequence within that authority + 1 lowercase letter (a-z without i and o), or
 *            H9 + division (6) + the unit's 9-character organisation code (GB 11714, with its
 *               check character) + 1 lowercase letter, when it has an organisation code.
 *          "H" is no registration authority of GB 32100, so the two kinds never collide.
 *   19-21  the unit's site number (生产经营场所顺序码), 001-999: one unit, several sites.
 *   22     one capital letter, the 特别标识码 (Annex A: 91130200699229617X001P). The 2016 trial
 *          rules called it a check character without giving an algorithm: only its shape is checked.
 * Sources: HJ 608-2017 Annex A and the 2016 trial rules as published (bjx.com.cn, 2017-03-08).
 */
export const SOURCE_CODE_LENGTH = 22;

const SUBSTITUTE = /^H9(\d{6})(?:0000\d{5}|[0-9A-Z]{8}[0-9X])[a-hj-np-z]$/;

/** Whether 18 characters are the H9 substitute code of a unit without a credit code. */
export function isSubstituteUnitCode(code: string): boolean {
  const match = SUBSTITUTE.exec(code);
  if (!match) return false;
  const body = code.slice(8, 17);
  return body.startsWith('0000') || organizationCodeCheckChar(body.slice(0, 8)) === body[8];
}

export type SourceCodePart = 'length' | 'unit' | 'site' | 'suffix';

/** The first part of a source code that breaks the rules, or null for a valid code. */
export function sourceCodeProblem(code: string): SourceCodePart | null {
  if (typeof code !== 'string' || code.length !== SOURCE_CODE_LENGTH) return 'length';
  const unit = code.slice(0, 18);
  if (!isValidCreditCode(unit) && !isSubstituteUnitCode(unit)) return 'unit';
  if (!/^\d{3}$/.test(code.slice(18, 21)) || code.slice(18, 21) === '000') return 'site';
  if (!/^[A-Z]$/.test(code[21])) return 'suffix';
  return null;
}

export const isValidSourceCode = (code: string): boolean => sourceCodeProblem(code) === null;

/** The credit code inside a source code; null for a unit with a substitute (H9) code. */
export const creditCodeOfSource = (sourceCode: string): string | null => (sourceCode.startsWith('H9') ? null : sourceCode.slice(0, 18));

/** A source code from its unit code, site number (1-999) and letter. */
export function sourceCode(unitCode: string, site: number, letter = 'P'): string {
  if (!Number.isInteger(site) || site < 1 || site > 999) throw new RangeError(`site number out of range: ${site}`);
  return unitCode + String(site).padStart(3, '0') + letter;
}

const SUBSTITUTE_LETTERS = 'abcdefghjklmnpqrstuvwxyz';

/** The H9 code of the n-th unit without any code registered by the authority of `division`. */
export function substituteUnitCode(division: string, sequence: number, letterIndex = 0): string {
  if (!/^\d{6}$/.test(division)) throw new RangeError(`division must be 6 digits: ${division}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 99_999) throw new RangeError(`sequence out of range: ${sequence}`);
  return `H9${division}0000${String(sequence).padStart(5, '0')}${SUBSTITUTE_LETTERS[letterIndex % SUBSTITUTE_LETTERS.length]}`;
}

/**
 * 排放口编码 (HJ 608-2017, figure 6): D (discharge outlet) + A (air, 废气) or W (water, 废水) +
 * a 3-digit number unique within the source, 001-999. Noise and solid waste have no outlets
 * in the standard (they appear only among treatment facilities, T + A/W/N/S).
 */
export const OUTLET_CODE = /^D([AW])(?!000)(\d{3})$/;
export type OutletMedium = 'AIR' | 'WATER';

export function outletMedium(code: string): OutletMedium | null {
  const match = OUTLET_CODE.exec(code);
  return match ? (match[1] === 'A' ? 'AIR' : 'WATER') : null;
}
