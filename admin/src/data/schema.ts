import type { IntrospectionField, IntrospectionInputObjectType, IntrospectionInputTypeRef, IntrospectionSchema } from 'graphql';

/** Small reads of the bundled introspection result: argument types and input fields. */
export class SchemaIndex {
  private readonly fields = new Map<string, IntrospectionField>();
  private readonly inputs = new Map<string, IntrospectionInputObjectType>();

  constructor(schema: IntrospectionSchema) {
    for (const type of schema.types) {
      if (type.kind === 'OBJECT' && (type.name === schema.queryType.name || type.name === schema.mutationType?.name)) {
        for (const field of type.fields) this.fields.set(field.name, field);
      }
      if (type.kind === 'INPUT_OBJECT') this.inputs.set(type.name, type);
    }
  }

  field(name: string): IntrospectionField {
    const field = this.fields.get(name);
    if (!field) throw new Error(`The API has no operation ${name}`);
    return field;
  }

  argNames(field: string): string[] {
    return this.field(field).args.map((a) => a.name);
  }

  /** The fields of an input type (an export's filter type), or null when the schema has no such type. */
  inputFields(type: string): Set<string> | null {
    const input = this.inputs.get(type);
    return input ? new Set(input.inputFields.map((f) => f.name)) : null;
  }

  hasArg(field: string, arg: string): boolean {
    return this.field(field).args.some((a) => a.name === arg);
  }

  /** `$filter: CaseFilter` style declarations for the given args of an operation. */
  declare(field: string, args: string[]): string {
    return this.field(field)
      .args.filter((a) => args.includes(a.name))
      .map((a) => `$${a.name}: ${render(a.type)}`)
      .join(', ');
  }

  pass(field: string, args: string[]): string {
    return this.field(field)
      .args.filter((a) => args.includes(a.name))
      .map((a) => `${a.name}: $${a.name}`)
      .join(', ');
  }

  /** Keeps only the keys the input type of `field(arg)` declares, and drops empty values. */
  pick(field: string, arg: string, values: Record<string, unknown>): Record<string, unknown> {
    const ref = this.field(field).args.find((a) => a.name === arg)?.type;
    const input = ref ? this.inputs.get(named(ref)) : undefined;
    if (!input) return {};
    const allowed = new Set(input.inputFields.map((f) => f.name));
    return Object.fromEntries(Object.entries(values).filter(([key, value]) => allowed.has(key) && value !== undefined && value !== ''));
  }
}

function named(ref: IntrospectionInputTypeRef): string {
  return ref.kind === 'NON_NULL' || ref.kind === 'LIST' ? named(ref.ofType) : ref.name;
}

function render(ref: IntrospectionInputTypeRef): string {
  if (ref.kind === 'NON_NULL') return `${render(ref.ofType)}!`;
  if (ref.kind === 'LIST') return `[${render(ref.ofType)}]`;
  return ref.name;
}
