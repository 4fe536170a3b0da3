import type { EntityData, EntityManager, EntityMetadata, EntityName, FilterQuery, FindOptions, ObjectQuery } from '@mikro-orm/postgresql';
import type { Columns } from './selection';

type Named<T> = EntityName<T> & { name: string; prototype: T };

/**
 * Read paths that answer a query and manage nothing: rows go from the driver straight into
 * instances of the entity class (the GraphQL type, its getters and CASL's subject type
 * intact) without the identity map, snapshots or entity factory. Hydrating every row of a
 * page into managed entities was most of the API's CPU per list request (issue 7).
 *
 * Only for what a request returns: a row read here is not tracked, so changing it writes
 * nothing. Writes load their records through the entity manager (findVisible and friends).
 */
export async function findRows<T extends object>(
  em: EntityManager,
  entity: Named<T>,
  where: FilterQuery<T>,
  options: FindOptions<T> = {},
  columns: Columns = undefined,
): Promise<T[]> {
  // The same filters em.find applies (the CASL scope filter, or none where it is switched off).
  const filtered = ((await em.applyFilters(entity.name, where, {}, 'read')) ?? where) as FilterQuery<T>;
  const find = { ...options, ...(columns ? { fields: columns } : {}), ctx: em.getTransactionContext() } as FindOptions<T>;
  const rows = await em.getDriver().find<T>(entity.name, filtered as ObjectQuery<T>, find);
  return instances(em, em.getMetadata().get<T>(entity.name), entity, rows as Record<string, unknown>[]);
}

/**
 * Raw rows (column names, as pg returned them) of `entity` as unmanaged instances, through
 * MikroORM's compiled result mapper (dates parsed as em.find parses them). Keys that are not
 * columns of the entity (a parent id) are kept as they are.
 */
export function rowsToInstances<T extends object>(em: EntityManager, entity: Named<T>, rows: Record<string, unknown>[]): T[] {
  const meta = em.getMetadata().get<T>(entity.name);
  return instances(em, meta, entity, rows.map((row) => em.getDriver().mapResult(row as EntityData<T>, meta) as Record<string, unknown>));
}

/** Mapped rows (property names) as instances of the entity class. */
function instances<T extends object>(em: EntityManager, meta: EntityMetadata<T>, entity: Named<T>, rows: Record<string, unknown>[]): T[] {
  const shape = shapeOf(meta, entity);
  const build = builderFor(shape, rows.length ? Object.keys(rows[0]) : []);
  return rows.map((row) => convert(em, shape, build(row)) as T);
}

type Build = (row: Record<string, unknown>) => Record<string, unknown>;
const builders = new WeakMap<Shape, Map<string, Build>>();

/**
 * A constructor per entity and set of columns, compiled once (as MikroORM compiles its result
 * mappers): `new` with a fixed property order builds every row's object in one shape, where
 * copying in a loop cost 2 ms per 850 rows (issue 7, Q4). The keys are the mapper's property
 * names and our own SQL aliases, quoted as JSON strings.
 */
function builderFor(shape: Shape, keys: string[]): Build {
  const perShape = builders.get(shape) ?? new Map<string, Build>();
  builders.set(shape, perShape);
  const signature = keys.join();
  let build = perShape.get(signature);
  if (!build) {
    const body = keys.map((key) => `this[${JSON.stringify(key)}] = row[${JSON.stringify(key)}];`).join('\n');
    const Row = new Function('row', body) as unknown as { new (row: Record<string, unknown>): Record<string, unknown>; prototype: object };
    Row.prototype = shape.prototype;
    build = (row) => new Row(row);
    perShape.set(signature, build);
  }
  return build;
}

interface Shape {
  /** The entity's prototype under a layer of plain writable slots (see shapeOf). */
  prototype: object;
  /** Properties the entity factory would convert (bigint ids as numbers, arrays). */
  converted: EntityMetadata['props'];
}
const shapes = new WeakMap<EntityMetadata, Shape>();

function shapeOf<T extends object>(meta: EntityMetadata<T>, entity: Named<T>): Shape {
  let shape = shapes.get(meta);
  if (!shape) {
    // MikroORM puts change-tracking setters on the entity's prototype: assigning a row's values
    // through them builds a WrappedEntity and its state per row. Plain writable slots in
    // between make an assignment create an ordinary own property instead.
    const slots = Object.fromEntries(
      meta.props
        .filter((prop) => isTrackingSetter(entity.prototype, prop.name))
        .map((prop) => [prop.name, { value: undefined, writable: true, enumerable: false, configurable: true }]),
    );
    shape = {
      prototype: Object.create(entity.prototype, slots) as object,
      converted: meta.props.filter((prop) => prop.customType),
    };
    shapes.set(meta, shape);
  }
  return shape;
}

function convert(em: EntityManager, shape: Shape, instance: Record<string, unknown>): Record<string, unknown> {
  for (const prop of shape.converted) {
    const value = instance[prop.name];
    if (value != null && prop.customType) instance[prop.name] = prop.customType.convertToJSValue(value, em.getPlatform());
  }
  return instance;
}

/** MikroORM's lazy tracking accessor: a setter without a getter (the class's own getters stay visible). */
function isTrackingSetter(prototype: object | null, name: string): boolean {
  for (let at = prototype; at; at = Object.getPrototypeOf(at) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(at, name);
    if (descriptor) return Boolean(descriptor.set) && !descriptor.get;
  }
  return false;
}
