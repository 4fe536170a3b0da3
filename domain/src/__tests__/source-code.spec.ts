import { creditCodeCheckChar } from '../codes/credit-code';
import {
  creditCodeOfSource,
  isSubstituteUnitCode,
  isValidSourceCode,
  outletMedium,
  sourceCode,
  sourceCodeProblem,
  substituteUnitCode,
} from '../codes/source-code';

describe('pollution source codes (HJ 608-2017)', () => {
  it("accepts the standard's own examples (Annex A) and its structure", () => {
    expect(sourceCodeProblem('91130200699229617X001P')).toBeNull();
    expect(isValidSourceCode('91130200699229617X002P')).toBe(true);
    expect(creditCodeOfSource('91130200699229617X002P')).toBe('91130200699229617X');
    expect(sourceCode('91130200699229617X', 2)).toBe('91130200699229617X002P');
  });

  it('names the part that is wrong', () => {
    const first17 = '91340102MA2N00001';
    const unit = first17 + creditCodeCheckChar(first17);
    const wrongCheck = first17 + (unit[17] === '0' ? '1' : '0');
    expect(sourceCodeProblem(`${unit}001`)).toBe('length');
    expect(sourceCodeProblem(`${wrongCheck}001P`)).toBe('unit');
    expect(sourceCodeProblem(`${unit}000P`)).toBe('site');
    expect(sourceCodeProblem(`${unit}0A1P`)).toBe('site');
    expect(sourceCodeProblem(`${unit}001p`)).toBe('suffix');
    expect(sourceCodeProblem(`${unit}0011`)).toBe('suffix');
  });

  it('builds and checks the H9 substitute codes of units without a credit code (2016 trial rules)', () => {
    const code = substituteUnitCode('340122', 12);
    expect(code).toBe('H9340122' + '0000' + '00012' + 'a');
    expect(isSubstituteUnitCode(code)).toBe(true);
    expect(creditCodeOfSource(sourceCode(code, 1))).toBeNull();
    expect(isValidSourceCode(sourceCode(code, 1))).toBe(true);
    // With the unit's organisation code (GB 11714 check character), or with letters i/o refused.
    expect(isSubstituteUnitCode('H9340122' + '69922961' + '7' + 'b')).toBe(true);
    expect(isSubstituteUnitCode('H9340122' + '69922961' + '8' + 'b')).toBe(false);
    expect(isSubstituteUnitCode('H9340122' + '000000012' + 'o')).toBe(false);
  });

  it('knows air and water outlets only', () => {
    expect(outletMedium('DA001')).toBe('AIR');
    expect(outletMedium('DW012')).toBe('WATER');
    expect(outletMedium('DS001')).toBeNull();
    expect(outletMedium('DA000')).toBeNull();
    expect(outletMedium('DA01')).toBeNull();
    expect(outletMedium('da001')).toBeNull();
  });
});
