import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { NAME_TEXT } from '../common/name-text';

/** Trims every string under a field marked @NameText(); a blank one is left to its validator. */
function normalise(value: unknown, type: GraphQLInputType, isName: boolean): unknown {
  if (value == null) return value;
  if (isName && typeof value === 'string') return value.trim();
  const inner = getNullableType(type);
  if (isListType(inner) && Array.isArray(value)) {
    return value.map((item) => normalise(item, inner.ofType as GraphQLInputType, isName));
  }
  const named = getNamedType(type);
  if (isInputObjectType(named) && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const [name, field] of Object.entries(named.getFields())) {
      if (name in record) record[name] = normalise(record[name], field.type, field.extensions[NAME_TEXT] === true);
    }
  }
  return value;
}

/**
 * Clean input in one place: every root field (query or mutation) trims names before its
 * resolver converts and validates the arguments (@NameText() refuses a blank one there). Control characters
 * were refused earlier, for the whole request (server/text-input.ts). Only root fields take
 * such input, so nested fields keep their resolvers unwrapped.
 */
export function normaliseRootArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const resolve = field.resolve;
      if (!resolve || !field.args.some((arg) => hasNameText(arg))) continue;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        for (const arg of field.args) {
          if (arg.name in args) args[arg.name] = normalise(args[arg.name], arg.type, arg.extensions[NAME_TEXT] === true);
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** Whether an argument can hold a name at any depth (input types may refer to themselves). */
function hasNameText(arg: { type: GraphQLInputType; extensions: Record<string, unknown> }, seen = new Set<string>()): boolean {
  if (arg.extensions[NAME_TEXT] === true) return true;
  const named = getNamedType(arg.type);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => hasNameText(field, seen));
}
