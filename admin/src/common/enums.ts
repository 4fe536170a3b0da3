import type { IntrospectionEnumType } from 'graphql';
import introspectionSchema from 'virtual:gridwatch-introspection';

export interface Choice {
  id: string;
  name: string;
}

/** Choices straight from the schema's enum, labelled by translation key (gw.enum.<Enum>.<VALUE>). */
export function enumChoices(enumName: string): Choice[] {
  const type = introspectionSchema.types.find((t): t is IntrospectionEnumType => t.kind === 'ENUM' && t.name === enumName);
  if (!type) throw new Error(`The schema has no enum ${enumName}`);
  return type.enumValues.map((v) => ({ id: v.name, name: `gw.enum.${enumName}.${v.name}` }));
}

export const roleKey = (role: string): string => `gw.role.${role}`;
export const categoryKey = (code: string): string => `gw.category.${code}`;
