import type { EntityData, EntityManager, EntityMetadata, EntityName, FilterQuery, FindOptions, ObjectQuery } from '@mikro-orm/postgresql';

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
): Promise<T[]> {
  // The same filters em.find applies (the CASL scope filter, or none where it is switched off).
  const filtered = ((await em.applyFilters(entity.name, where, {}, 'read')) ?? where) as FilterQuery<T>;
  const rows = await em.getDriver().find<T>(entity.name, filtered as ObjectQuery<T>, { ...options, ctx: em.getTransactionContext() } as FindOptions<T>);
  const meta = em.getMetadata().get<T>(entity.name);
  return rows.map((row) => asInstance(em, meta, entity, row));
}

/** A raw row (column names) of `entity` as an unmanaged instance. */
export function rowToInstance<T extends object>(em: EntityManager, entity: Named<T>, row: Record<string, unknown>): T {
  const meta = em.getMetadata().get<T>(entity.name);
  return asInstance(em, meta, entity, em.getDriver().mapResult(row as EntityData<T>, meta) ?? {});
}

interface Shape {
  /** The entity's prototype under a layer of plain writable slots (see asInstance). */
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
    shape = { prototype: Object.create(entity.prototype, slots) as object, converted: meta.props.filter((prop) => prop.customType) };
    shapes.set(meta, shape);
  }
  return shape;
}

function asInstance<T extends object>(em: EntityManager, meta: EntityMetadata<T>, entity: Named<T>, data: EntityData<T>): T {
  const shape = shapeOf(meta, entity);
  const instance = Object.assign(Object.create(shape.prototype) as object, data) as Record<string, unknown>;
  for (const prop of shape.converted) {
    const value = instance[prop.name];
    if (value != null && prop.customType) instance[prop.name] = prop.customType.convertToJSValue(value, em.getPlatform());
  }
  return instance as T;
}

/** MikroORM's lazy tracking accessor: a setter without a getter (the class's own getters stay visible). */
function isTrackingSetter(prototype: object | null, name: string): boolean {
  for (let at = prototype; at; at = Object.getPrototypeOf(at) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(at, name);
    if (descriptor) return Boolean(descriptor.set) && !descriptor.get;
  }
  return false;
}
