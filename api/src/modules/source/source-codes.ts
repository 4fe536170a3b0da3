import { registerDecorator } from 'class-validator';
import { creditCodeOfSource, isValidCreditCode, isValidSourceCode } from '@gridwatch/domain';
import { BadInputError } from '../../common/errors';

/**
 * One answer for every code a caller may not use: malformed, a wrong check character, site
 * number or letter, or registered to a source outside the caller's territory. The parts of a
 * code can be checked by anyone (the console does, part by part); whether a code is taken
 * elsewhere must not show, so the server never says which rule failed.
 */
export const CODE_RULES = {
  creditCode: 'an 18-character unified social credit code with a valid check character (GB 32100)',
  sourceCode: 'a pollution-source code by HJ 608-2017 (credit code or H9 code + site number 001-999 + one capital letter, e.g. 91130200699229617X001P)',
} as const;
export type CodeField = keyof typeof CODE_RULES;

export const unusableCodeMessage = (field: CodeField, code: string): string => `${code} is not ${CODE_RULES[field]} that you may register`;

const fieldMessage = (field: CodeField): string => `must be ${CODE_RULES[field]} that you may register`;

/** The API's answer, worded exactly as the input validation's (server/errors.ts) for a malformed code. */
export function unusableCode(field: CodeField): BadInputError {
  return new BadInputError(`Invalid input: ${field} ${fieldMessage(field)}`, [{ field, message: fieldMessage(field) }]);
}

const validators: Record<CodeField, (code: string) => boolean> = { creditCode: isValidCreditCode, sourceCode: isValidSourceCode };

/** class-validator: null/undefined or a valid code of the kind; the message is the one above. */
export function IsCode(field: CodeField): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: `is${field}`,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: fieldMessage(field) },
      validator: { validate: (value: unknown) => value == null || (typeof value === 'string' && validators[field](value)) },
    });
}

/** What a source's codes are: the source code names its unit, so the credit code follows it. */
export interface SourceCodes {
  sourceCode?: string | null;
  creditCode?: string | null;
}

/**
 * Applies an input's codes to a source: a source code given without a credit code brings the
 * one inside it (none for an H9 unit); the result must agree, else the source code is refused.
 */
export function applyCodes(source: SourceCodes, input: SourceCodes): void {
  if (input.sourceCode && input.creditCode === undefined) source.creditCode = creditCodeOfSource(input.sourceCode);
  if (source.sourceCode && creditCodeOfSource(source.sourceCode) !== (source.creditCode ?? null)) {
    throw new BadInputError(`The source code ${source.sourceCode} names another unit than the credit code ${source.creditCode ?? '(none)'}`, [
      { field: 'sourceCode', message: 'its first 18 characters must be the credit code (or H9… for a unit without one)' },
    ]);
  }
}
