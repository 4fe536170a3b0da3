import { subject } from '@casl/ability';
import { OUTLET_CODE, outletMedium } from '@gridwatch/domain';
import type { ErrorCode } from '../../common/errors';
import type { RequestContext } from '../../context/request-context';
import { DischargeOutlet } from './outlet.entity';
import type { PollutionSource } from './source.entity';

/** One outlet of an import cell: its code and name. */
export interface OutletCell {
  code: string;
  name: string;
}

const DEFAULT_NAME = { AIR: '废气排放口', WATER: '废水排放口' } as const;

/** The cell the export writes and the import reads: "DA001 锅炉废气; DW001 生产废水". */
export const formatOutlets = (outlets: readonly Pick<DischargeOutlet, 'code' | 'name'>[]): string => outlets.map((o) => `${o.code} ${o.name}`).join('; ');

/**
 * Reads an outlets cell: items separated by ; (or ；or a line break), each a code (DA001, DW001)
 * and an optional name after a space or colon (default 废气排放口 / 废水排放口). Returns the
 * problem as text when the cell breaks the rules.
 */
export function parseOutlets(cell: string): OutletCell[] | string {
  const outlets: OutletCell[] = [];
  for (const item of cell.split(/[;；\n]/).map((part) => part.trim()).filter(Boolean)) {
    const [, code = '', name = ''] = /^(\S+?)(?:[\s:：]+(.*))?$/.exec(item) ?? [];
    const medium = outletMedium(code);
    if (!medium || !OUTLET_CODE.test(code)) return `${code || item} is not an outlet code: DA (air) or DW (water) + 001-999, e.g. DA001`;
    if (outlets.some((o) => o.code === code)) return `The outlet ${code} is listed twice`;
    if (name.length > 100) return `The name of outlet ${code} has more than 100 characters`;
    outlets.push({ code, name: name.trim() || DEFAULT_NAME[medium] });
  }
  return outlets;
}

/** What an import does to outlets: outlets listed and missing are added, listed under another name renamed. */
export interface OutletPlan {
  add: { source: PollutionSource; outlet: OutletCell }[];
  rename: { outlet: DischargeOutlet; name: string }[];
  /** Per source whose outlets change, its outlets before and after as the history keeps them. */
  history: Map<PollutionSource, [string | null, string]>;
}

interface Problems {
  add(line: number, column: string | null, code: ErrorCode, message: string): void;
}

const byCode = (a: { code: string }, b: { code: string }): number => a.code.localeCompare(b.code);

/** The outlets of each matched row against those on file; fills the plan, with each changed source's history. */
export async function planOutlets(
  ctx: RequestContext,
  matched: { row: { line: number; outlets: OutletCell[] | null }; source: PollutionSource; isNew: boolean }[],
  column: string,
  plan: OutletPlan,
  problems: Problems,
): Promise<void> {
  const onFile = matched.filter((m) => !m.isNew).map((m) => m.source.id);
  const current = onFile.length ? await ctx.em.find(DischargeOutlet, { sourceId: { $in: onFile } }) : [];
  for (const { row, source, isNew } of matched) {
    const before = isNew ? [] : current.filter((o) => o.sourceId === source.id).map((o) => ({ code: o.code, name: o.name }));
    const after = new Map(before.map((o) => [o.code, o]));
    for (const cell of row.outlets ?? []) {
      const have = isNew ? undefined : current.find((o) => o.sourceId === source.id && o.code === cell.code);
      if (have?.name === cell.name) continue;
      const target = have ?? subject('DischargeOutlet', { cityId: source.cityId, countyId: source.countyId, townshipId: source.townshipId, gridId: source.gridId });
      if (!ctx.ability.can(have ? 'update' : 'create', target)) {
        problems.add(row.line, column, 'FORBIDDEN', 'Your role may not change the outlets of this source');
        break;
      }
      if (have) plan.rename.push({ outlet: have, name: cell.name });
      else plan.add.push({ source, outlet: cell });
      after.set(cell.code, cell);
    }
    const text = formatOutlets([...after.values()].sort(byCode));
    if (text !== formatOutlets([...before].sort(byCode))) plan.history.set(source, [before.length ? formatOutlets([...before].sort(byCode)) : null, text]);
  }
}

/** After the sources are flushed (new ones have ids): outlets follow moved sources, then the plan. */
export async function writeOutlets(ctx: RequestContext, plan: OutletPlan, moved: PollutionSource[]): Promise<void> {
  // Loaded and assigned, not a bulk update: the scope filter writes conditions for a query's alias.
  const bySource = new Map(moved.map((s) => [s.id, s]));
  for (const outlet of moved.length ? await ctx.em.find(DischargeOutlet, { sourceId: { $in: [...bySource.keys()] } }) : []) {
    const s = bySource.get(outlet.sourceId)!;
    Object.assign(outlet, { cityId: s.cityId, countyId: s.countyId, townshipId: s.townshipId, gridId: s.gridId });
  }
  for (const { source, outlet } of plan.add) {
    ctx.em.persist(
      Object.assign(new DischargeOutlet(), { cityId: source.cityId, countyId: source.countyId, townshipId: source.townshipId, gridId: source.gridId, sourceId: source.id, ...outlet }),
    );
  }
  for (const { outlet, name } of plan.rename) outlet.name = name;
}
