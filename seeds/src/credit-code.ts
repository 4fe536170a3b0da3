import { creditCodeCheckChar, CREDIT_CODE_ALPHABET, organizationCodeCheckChar } from '@gridwatch/domain';
import { hashString } from './random';

// The rules of the code (GB 32100-2015) are @gridwatch/domain's; this file makes codes for generated entities.

export type CreditCodeKind = 'ENTERPRISE' | 'INDIVIDUAL' | 'COOPERATIVE';

const KIND_PREFIX: Record<CreditCodeKind, string> = { ENTERPRISE: '91', INDIVIDUAL: '92', COOPERATIVE: '93' };

const MA_SPACE = 31 ** 6;
const NUMERIC_SPACE = 10 ** 8;

/**
 * Unique, valid codes for generated market entities. The n-th code's organisation body is a
 * bijection of n (an affine map modulo the size of the body space), so codes never repeat
 * within a run yet look random; `style` chooses a post-2015 "MA…" body or a pre-2015 numeric one.
 */
export class CreditCodeGenerator {
  private readonly offset: number;

  constructor(seed: number) {
    // Hashed so that small seeds do not give conspicuous codes like MA0000015.
    this.offset = hashString('credit-code', seed) % MA_SPACE;
  }

  code(index: number, kind: CreditCodeKind, division: string, style: 'MA' | 'NUMERIC'): string {
    if (!/^\d{6}$/.test(division)) throw new RangeError(`division must be 6 digits: ${division}`);
    // Keeps index * multiplier below 2^53, where the affine map stays exact.
    if (!Number.isInteger(index) || index < 0 || index >= 20_000_000) throw new RangeError(`index out of range: ${index}`);
    const body = style === 'MA' ? this.maBody(index) : this.numericBody(index);
    const first17 = KIND_PREFIX[kind] + division + body + organizationCodeCheckChar(body);
    return first17 + creditCodeCheckChar(first17);
  }

  private maBody(index: number): string {
    // 3^18 is coprime to 31^6, so the map is a permutation of the space.
    let n = (index * 387420489 + this.offset) % MA_SPACE;
    let out = '';
    for (let i = 0; i < 6; i++) {
      out = CREDIT_CODE_ALPHABET[n % 31] + out;
      n = Math.floor(n / 31);
    }
    return 'MA' + out;
  }

  private numericBody(index: number): string {
    // 7654321 is coprime to 10^8 (odd, not a multiple of 5).
    const n = (index * 7654321 + this.offset) % NUMERIC_SPACE;
    return String(n).padStart(8, '0');
  }
}
