import { CreditCodeGenerator } from '../credit-code';
import { creditCodeCheckChar, hasValidOrganizationCode, isValidCreditCode, organizationCodeCheckChar } from '@gridwatch/domain';

// Published codes of well-known companies (national enterprise credit information system).
// Both their check characters (GB 11714 at 17, GB 32100 at 18) verify with our implementation,
// which a mistyped code would pass with a chance of about 1 in 341.
const REAL = [
  ['914403001922038216', '华为技术有限公司'],
  ['91330100716105852F', '阿里巴巴（中国）有限公司'],
  ['91440300708461136T', '深圳市腾讯计算机系统有限公司'],
  ['91340000711771143J', '科大讯飞股份有限公司'],
  ['91110000100010433L', '中国石油天然气集团有限公司'],
  ['91110108551385082Q', '北京小米科技有限责任公司'],
] as const;

describe('credit codes (GB 32100-2015)', () => {
  it.each(REAL)('accepts the real code %s (%s)', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
    expect(hasValidOrganizationCode(code)).toBe(true);
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('handles the wrap-around cases of both check characters', () => {
    // Weighted sum ≡ 0 (mod 31) gives 0, not the 31st character; ≡ 1 gives Y.
    expect(creditCodeCheckChar('91340100MA2N0000Q')).toBe('0');
    expect(creditCodeCheckChar('91340100MA2N00003')).toBe('Y');
    // GB 11714: 11 - r of 10 is X, of 11 is 0.
    expect(organizationCodeCheckChar('MA2N0001')).toBe('X');
    expect(organizationCodeCheckChar('MA2N0006')).toBe('0');
    expect(organizationCodeCheckChar('71177114')).toBe('3');
  });

  it.each([
    ['wrong check character', '914403001922038217'],
    ['wrong length', '91440300192203821'],
    ['too long', '9144030019220382160'],
    ['lower case', '91330100716105852f'],
    ['letter I', '91340100MA2I00000X'],
    ['letter O', '91340100MA2O00000X'],
    ['letter Z', '91340100MA2Z00000X'],
    ['letter S', '91340100MA2S00000X'],
    ['letter V', '91340100MA2V00000X'],
    ['unknown authority B', 'B1440300192203821' + creditCodeCheckChar('B1440300192203821')],
    ['type not allowed for authority 9', '94440300192203821' + creditCodeCheckChar('94440300192203821')],
    ['division not a province', '91990300192203821' + creditCodeCheckChar('91990300192203821')],
    ['letters in the division', '9144A300192203821' + creditCodeCheckChar('9144A300192203821')],
  ])('rejects %s', (_why, code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('rejects non-strings without throwing', () => {
    expect(isValidCreditCode(undefined as unknown as string)).toBe(false);
  });

  it('throws on a bad check-character input', () => {
    expect(() => creditCodeCheckChar('9144030019220382')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91440300192203821'.replace('1', 'I'))).toThrow(RangeError);
  });

  it('generates unique valid codes in both styles and all kinds', () => {
    const gen = new CreditCodeGenerator(42);
    const seen = new Set<string>();
    const invalid: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const kind = (['ENTERPRISE', 'INDIVIDUAL', 'COOPERATIVE'] as const)[i % 3];
      const code = gen.code(i, kind, '340122', i % 2 ? 'MA' : 'NUMERIC');
      if (!hasValidOrganizationCode(code)) invalid.push(code);
      seen.add(code.slice(8, 17));
    }
    expect(invalid).toEqual([]);
    expect(seen.size).toBe(20000);
  });
});
