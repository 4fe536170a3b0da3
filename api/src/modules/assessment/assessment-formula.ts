import type { MathNode } from 'mathjs';

// mathjs takes about half a second to load: only a formula's first parse pays for it.
const mathjs = (): typeof import('mathjs') => require('mathjs') as typeof import('mathjs');
import { BadInputError } from '../../common/errors';
import { isMeasure } from './assessment-measures.sql';

/**
 * Indicator formulas: arithmetic over base measures and other indicators' codes, parsed by
 * mathjs and checked against a whitelist of node types and functions, so a formula can never
 * assign, access properties or call anything else. Never `eval`.
 */
const FUNCTIONS: Record<string, (...args: (number | null)[]) => number | null> = {
  /** a / b in percent, null when b is not positive (nothing to rate). */
  rate: (a, b) => (a == null || b == null || b <= 0 ? null : (100 * a) / b),
  /** x, or d when x is null (e.g. a rate with nothing to rate). */
  ifnull: (x, d) => (x == null ? d : x),
  clamp: (x, lo, hi) => (x == null || lo == null || hi == null ? null : Math.min(hi, Math.max(lo, x))),
};
const MATH_FUNCTIONS = new Set(['min', 'max', 'round', 'abs']);
const NODE_TYPES = new Set(['ConstantNode', 'SymbolNode', 'OperatorNode', 'ParenthesisNode', 'ConditionalNode', 'FunctionNode']);

export interface ParsedFormula {
  node: MathNode;
  /** Measure and indicator codes the formula reads. */
  variables: string[];
}

function problem(message: string): BadInputError {
  return new BadInputError(`Bad formula: ${message}`, [{ field: 'formula', message }]);
}

export function parseFormula(text: string): ParsedFormula {
  let node: MathNode;
  try {
    node = mathjs().parse(text);
  } catch (error) {
    throw problem((error as Error).message);
  }
  const variables = new Set<string>();
  node.traverse((child, path, parent) => {
    if (!NODE_TYPES.has(child.type)) throw problem(`${child.type} is not allowed`);
    if (child.type === 'FunctionNode') {
      const name = (child as unknown as { fn: { name?: string } }).fn.name ?? '';
      if (!Object.hasOwn(FUNCTIONS, name) && !MATH_FUNCTIONS.has(name)) throw problem(`unknown function ${name}`);
    }
    if (child.type === 'ConstantNode') {
      const value = (child as unknown as { value: unknown }).value;
      if (typeof value !== 'number' && value !== null) throw problem('only numbers and null are constants');
    }
    const isFunctionName = parent?.type === 'FunctionNode' && path === 'fn';
    if (child.type === 'SymbolNode' && !isFunctionName) variables.add((child as unknown as { name: string }).name);
  });
  return { node, variables: [...variables] };
}

/** The formula's variables must be measures or the codes of `known` indicators. */
export function checkVariables(parsed: ParsedFormula, known: ReadonlySet<string>): void {
  const unknown = parsed.variables.filter((name) => !isMeasure(name) && !known.has(name));
  if (unknown.length) throw problem(`unknown names ${unknown.join(', ')} (use base measures or indicator codes)`);
}

/**
 * Evaluates a formula; null propagates like SQL's (arithmetic on a missing rate is missing,
 * unless the formula says `ifnull`). Results are rounded to 2 decimals, as published.
 */
export function evaluate(parsed: ParsedFormula, values: Record<string, number | null>): number | null {
  let result: unknown;
  try {
    result = parsed.node.compile().evaluate({ ...values, ...FUNCTIONS });
  } catch {
    return null;
  }
  if (typeof result === 'boolean') result = result ? 1 : 0;
  if (typeof result !== 'number' || !Number.isFinite(result)) return null;
  return Math.round(result * 100) / 100;
}
