import { checkVariables, evaluate, parseFormula } from '../assessment-formula';
import { periodRange } from '../assessment-period';

describe('indicator formulas', () => {
  it('evaluates rates, rounds to 2 decimals and propagates a missing rate like SQL null', () => {
    expect(evaluate(parseFormula('rate(closed, due)'), { closed: 911, due: 972 })).toBe(93.72);
    expect(evaluate(parseFormula('rate(closed, due)'), { closed: 0, due: 0 })).toBeNull();
    expect(evaluate(parseFormula('X + 1'), { X: null })).toBeNull();
    expect(evaluate(parseFormula('ifnull(X, 100) - 2 * n'), { X: null, n: 3 })).toBe(94);
    expect(evaluate(parseFormula('clamp(X, 0, 100)'), { X: 130 })).toBe(100);
    expect(evaluate(parseFormula('due == 0 ? null : 1'), { due: 0 })).toBeNull();
  });

  it('names the variables it reads, not its functions, and refuses anything but arithmetic', () => {
    expect(parseFormula('round(rate(closed_on_time, due - parked), 1)').variables.sort()).toEqual(['closed_on_time', 'due', 'parked']);
    for (const bad of ['a = 1', 'f(x) = x', 'closed.constructor', '{a: 1}', '[1, 2]', 'import({}, {})', 'evaluate("1")', '"text"', '1 +']) {
      expect(() => parseFormula(bad)).toThrow(/Bad formula/);
    }
    expect(() => checkVariables(parseFormula('rate(closed, CLOSE_RATE)'), new Set(['CLOSE_RATE']))).not.toThrow();
    expect(() => checkVariables(parseFormula('rate(closed, nothing)'), new Set())).toThrow(/unknown names nothing/);
  });

  it('reads periods in Beijing time', () => {
    expect(periodRange('2026-10')).toEqual({ from: new Date('2026-09-30T16:00:00Z'), to: new Date('2026-10-31T16:00:00Z') });
    expect(periodRange('2026-Q4').to).toEqual(new Date('2026-12-31T16:00:00Z'));
    expect(periodRange('2026')).toEqual({ from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') });
    expect(() => periodRange('2026-13')).toThrow();
  });
});
