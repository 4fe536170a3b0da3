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

const converted = new WeakMap<EntityMetadata, EntityMetadata['props']>();

function asInstance<T extends object>(em: EntityManager, meta: EntityMetadata<T>, entity: Named<T>, data: EntityData<T>): T {
  const instance = Object.assign(Object.create(entity.prototype) as T, data) as Record<string, unknown>;
  let props = converted.get(meta);
  if (!props) converted.set(meta, (props = meta.props.filter((prop) => prop.customType)));
  // What the entity factory would convert (bigint ids as numbers, arrays).
  for (const prop of props) {
    const value = instance[prop.name];
    if (value != null && prop.customType) instance[prop.name] = prop.customType.convertToJSValue(value, em.getPlatform());
  }
  return instance as T;
}
