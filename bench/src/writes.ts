import type { Contender } from './contenders';
import { ownerQuery } from './database';
import type { QuerySpec, WriteItem } from './queries';

/** Hands out each write body once (every request files another case) and remembers what was handed out. */
export class WritePool {
  private readonly next = new Map<string, number>();
  readonly taken = new Map<string, WriteItem>();

  constructor(private readonly spec: QuerySpec) {}

  take(contender: Contender, count: number): WriteItem[] {
    const items = this.spec.writes?.[contender.kind] ?? [];
    const from = this.next.get(contender.name) ?? 0;
    const slice = items.slice(from, from + count);
    if (slice.length < count) throw new Error(`${this.spec.id}: ${contender.name} ran out of cases to write (${items.length})`);
    this.next.set(contender.name, from + count);
    for (const item of slice) this.taken.set(`${contender.name}:${item.id}`, item);
    return slice;
  }
}

/** Writes go to the shipped servers only: a variant differs in reads, and would eat the pool. */
export const writesTo = (spec: QuerySpec, contender: Contender): boolean => !contender.variant && Boolean(spec.writes?.[contender.kind]);

export interface WriteCheck {
  contender: string;
  handedOut: number;
  /** FILED, version + 1, exactly one FILE event. */
  applied: number;
  /** Still REPORTED at its old version with no FILE event (handed out, never sent within the window). */
  untouched: number;
  /** Anything else: a lost or doubled update. */
  lost: number;
}

/** After the run: was every write applied exactly once or not at all? */
export async function checkWrites(ownerUrl: string, pool: WritePool): Promise<WriteCheck[]> {
  const byContender = new Map<string, WriteItem[]>();
  for (const [key, item] of pool.taken) {
    const name = key.slice(0, key.lastIndexOf(':'));
    byContender.set(name, [...(byContender.get(name) ?? []), item]);
  }
  const checks: WriteCheck[] = [];
  for (const [contender, items] of byContender) {
    const [row] = await ownerQuery<{ applied: number; untouched: number; lost: number }>(
      ownerUrl,
      `with w as (select * from unnest($1::int[], $2::int[]) as w(id, version)),
       s as (select w.id, c.status, c.version - w.version as bump,
                    (select count(*) from case_event e where e.case_id = w.id and e.action = 'FILE') as files
             from w join "case" c on c.id = w.id)
       select count(*) filter (where status = 'FILED' and bump = 1 and files = 1)::int as applied,
              count(*) filter (where status = 'REPORTED' and bump = 0 and files = 0)::int as untouched,
              count(*) filter (where not ((status = 'FILED' and bump = 1 and files = 1) or (status = 'REPORTED' and bump = 0 and files = 0)))::int as lost
       from s`,
      [items.map((i) => i.id), items.map((i) => i.version)],
    );
    checks.push({ contender, handedOut: items.length, ...row });
  }
  return checks;
}
