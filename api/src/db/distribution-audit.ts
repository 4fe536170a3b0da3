import { COORDINATOR_TABLES, DISTRIBUTION_COLUMN, REFERENCE_TENANT_TABLES, placementOf, type Placement } from './distribution';
import { SHARED_TABLES, TENANT_TABLES } from './tenant-tables';

/** The keys and foreign keys of a table, as the catalogue has them. */
export interface KeyedTable {
  table: string;
  /** Columns and whether each is not null. */
  columns: { name: string; notNull: boolean }[];
  /** Primary key, unique constraints and unique indexes. */
  keys: { name: string; kind: 'primary key' | 'unique'; columns: string[] }[];
  foreignKeys: { name: string; columns: string[]; references: string; referenced: string[] }[];
}

/** Reads the catalogue for every table of the public schema but partitions (their keys are their root's). */
export async function readKeys(query: <T>(sql: string) => Promise<T[]>): Promise<KeyedTable[]> {
  const cols = (rel: string, nums: string) => `array(select a.attname::text from unnest(${nums}) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = ${rel} and a.attnum = k.n order by k.i)`;
  return query<KeyedTable>(
    `select c.relname as "table",
       (select json_agg(json_build_object('name', a.attname, 'notNull', a.attnotnull) order by a.attnum) from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
       coalesce((select json_agg(json_build_object('name', i.indexrelid::regclass::text,
                   'kind', case when i.indisprimary then 'primary key' else 'unique' end,
                   'columns', ${cols('c.oid', 'i.indkey::int2[]')}) order by 1)
                 from pg_index i where i.indrelid = c.oid and i.indisunique), '[]') as keys,
       coalesce((select json_agg(json_build_object('name', f.conname, 'references', f.confrelid::regclass::text,
                   'columns', ${cols('f.conrelid', 'f.conkey')}, 'referenced', ${cols('f.confrelid', 'f.confkey')}) order by f.conname)
                 from pg_constraint f where f.conrelid = c.oid and f.contype = 'f'), '[]') as "foreignKeys"
     from pg_class c
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
     order by c.relname`,
  );
}

const bare = (name: string) => name.replace(/^"|"$/g, '');

/** Where the declarations themselves disagree with the row-level security manifest. */
export function declarationGaps(): string[] {
  return [
    ...Object.keys(REFERENCE_TENANT_TABLES).filter((t) => !TENANT_TABLES[t]).map((t) => `${t}: a reference tenant table that is not a tenant table`),
    ...Object.keys(COORDINATOR_TABLES).filter((t) => !SHARED_TABLES[t]).map((t) => `${t}: a coordinator table that is not a shared table`),
  ];
}

/**
 * Every way the catalogue departs from what Citus needs to distribute it as declared; empty
 * when it can. `placement` is the declaration (db/distribution.ts; tests pass fixtures too).
 */
export function distributionGaps(tables: KeyedTable[], placement: (table: string) => Placement | undefined = placementOf): string[] {
  const key = DISTRIBUTION_COLUMN;
  const gaps: string[] = [];
  for (const t of tables) {
    const placed = placement(t.table);
    if (!placed) {
      gaps.push(`${t.table}: neither distributed nor a reference or coordinator table (db/distribution.ts)`);
      continue;
    }
    if (placed === 'distributed') {
      const column = t.columns.find((c) => c.name === key);
      if (!column) gaps.push(`${t.table}: distributed, but has no ${key}`);
      else if (!column.notNull) gaps.push(`${t.table}: distributed, but its ${key} may be null`);
      for (const k of t.keys) if (!k.columns.includes(key)) gaps.push(`${t.table}: ${k.kind} ${k.name} (${k.columns.join(', ')}) lacks ${key}`);
    }
    for (const fk of t.foreignKeys) {
      const target = placement(bare(fk.references));
      if (target !== 'distributed') continue;
      if (placed !== 'distributed') {
        gaps.push(`${t.table}: a ${placed} table with foreign key ${fk.name} to the distributed ${bare(fk.references)}`);
        continue;
      }
      const at = fk.columns.indexOf(key);
      if (at < 0 || fk.referenced[at] !== key) gaps.push(`${t.table}: foreign key ${fk.name} to ${bare(fk.references)} does not carry ${key}`);
    }
  }
  return gaps;
}

/**
 * The Citus calls that lay the schema out as declared, in an order Citus accepts: reference
 * tables, then the coordinator's, then the distributed ones colocated with the first; within
 * each, a table after every table its foreign keys reference (docs/scaling.md prints it).
 */
export function citusLayoutSql(tables: KeyedTable[], placement: (table: string) => Placement | undefined = placementOf): string[] {
  const byName = new Map(tables.map((t) => [t.table, t]));
  const done = new Set<string>();
  const ordered: string[] = [];
  const visit = (table: string, path: string[]): void => {
    if (done.has(table)) return;
    if (path.includes(table)) throw new Error(`foreign keys form a cycle: ${[...path, table].join(' → ')}`);
    for (const fk of byName.get(table)?.foreignKeys ?? []) if (bare(fk.references) !== table) visit(bare(fk.references), [...path, table]);
    done.add(table);
    ordered.push(table);
  };
  const rank: Record<Placement, number> = { reference: 0, coordinator: 1, distributed: 2 };
  const placed = tables.filter((t) => placement(t.table)).map((t) => t.table);
  // Ranks first, then dependencies inside a rank: a reference table never points at a later rank (distributionGaps).
  for (const r of [0, 1, 2]) for (const t of placed.filter((p) => rank[placement(p)!] === r).sort()) visit(t, []);
  const first = ordered.find((t) => placement(t) === 'distributed');
  const literal = (t: string) => `'${t === 'case' ? '"case"' : t}'`;
  return ordered.map((t) => {
    const p = placement(t);
    if (p === 'reference') return `select create_reference_table(${literal(t)});`;
    if (p === 'coordinator') return `select citus_add_local_table_to_metadata(${literal(t)});`;
    return t === first
      ? `select create_distributed_table(${literal(t)}, '${DISTRIBUTION_COLUMN}');`
      : `select create_distributed_table(${literal(t)}, '${DISTRIBUTION_COLUMN}', colocate_with => ${literal(first!)});`;
  });
}
