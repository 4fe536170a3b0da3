import type { EntityKey, EntityMetadata, EntityProperty } from '@mikro-orm/postgresql';
import { getNamedType, isLeafType, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * The columns a read needs for what the document asks (look-ahead, as PostGraphile does):
 * issue 7's nested page read every column of ~850 rows, and turning them into objects (dates
 * parsed, texts copied) was a third of its CPU in garbage collection.
 *
 * Always read: the key, every id, enum, number and boolean column (narrow, and what field
 * resolvers, cursors and CASL conditions look at). Strings, dates and JSON are read when the
 * document asks for them by name. A computed scalar field we cannot see into (a getter, a
 * field resolver returning a scalar) reads every column: a missing column would answer null.
 *
 * `undefined` means every column.
 */
export type Columns = readonly string[] | undefined;

/** Where the items are in the field's answer: the field itself, or a connection's nodes and edges. */
export type ItemShape = 'object' | 'connection';

/**
 * A value computed once per request, field node and parent type: a nested field runs once per
 * parent row with the same arguments and selection, and its siblings share the answer.
 * `request` is an object that lives exactly as long as the request: its context when the
 * value depends on the caller, the variables object when it depends on the document only.
 */
export function perField<V>(): (request: object, info: GraphQLResolveInfo, compute: () => V) => V {
  const memo = new WeakMap<object, WeakMap<object, Map<string, V>>>();
  return (request, info, compute) => {
    const perRequest = memo.get(request) ?? new WeakMap<object, Map<string, V>>();
    memo.set(request, perRequest);
    const perNode = perRequest.get(info.fieldNodes[0]) ?? new Map<string, V>();
    perRequest.set(info.fieldNodes[0], perNode);
    if (perNode.has(info.parentType.name)) return perNode.get(info.parentType.name) as V;
    const value = compute();
    perNode.set(info.parentType.name, value);
    return value;
  };
}

const columnsPerField = perField<Columns>();

export function columnsFor<T>(meta: EntityMetadata<T>, info: GraphQLResolveInfo | undefined, shape: ItemShape): Columns {
  return info ? columnsPerField(info.variableValues, info, () => compute(meta, info, shape)) : undefined;
}

function compute<T>(meta: EntityMetadata<T>, info: GraphQLResolveInfo, shape: ItemShape): Columns {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  if (!tree) return undefined;
  const asked = shape === 'object' ? [tree] : connectionItems(tree);
  const wanted = new Set<string>(meta.props.filter(alwaysRead).map((prop) => prop.name));
  for (const item of asked) {
    for (const [typeName, fields] of Object.entries(item.fieldsByTypeName)) {
      const type = info.schema.getType(typeName);
      const definitions = type && 'getFields' in type ? type.getFields() : {};
      for (const field of Object.values(fields)) {
        if (field.name.startsWith('__')) continue;
        const prop = meta.properties[field.name as EntityKey<T>] as EntityProperty<T> | undefined;
        if (prop && isStoredColumn(prop)) wanted.add(prop.name);
        // An object, list or connection resolves from the ids read anyway; a computed scalar may read anything.
        else if (!definitions[field.name] || isLeafType(getNamedType(definitions[field.name].type))) return undefined;
      }
    }
  }
  return [...wanted];
}

/** The item selections of a connection: `nodes { … }` and `edges { node { … } }`. */
function connectionItems(tree: ResolveTree): ResolveTree[] {
  const items: ResolveTree[] = [];
  for (const fields of Object.values(tree.fieldsByTypeName)) {
    for (const field of Object.values(fields)) {
      if (field.name === 'nodes') items.push(field);
      if (field.name === 'edges') {
        for (const edgeFields of Object.values(field.fieldsByTypeName)) {
          items.push(...Object.values(edgeFields).filter((edgeField) => edgeField.name === 'node'));
        }
      }
    }
  }
  return items;
}

/** A property stored in a column of its own table: a scalar, or a foreign key kept as an id. */
export function isStoredColumn<T>(prop: EntityProperty<T>): boolean {
  return prop.persist !== false && !prop.formula && (prop.kind === 'scalar' || (prop.kind === 'm:1' && Boolean(prop.mapToPk)));
}

function alwaysRead<T>(prop: EntityProperty<T>): boolean {
  if (!isStoredColumn(prop)) return false;
  return Boolean(prop.primary) || prop.kind === 'm:1' || Boolean(prop.enum) || prop.runtimeType === 'number' || prop.runtimeType === 'boolean';
}

/** A document's fragments by name (the cost rule and the read compiler follow spreads through them). */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return fragments;
}
