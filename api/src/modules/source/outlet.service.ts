import { ConflictError } from '../../common/errors';
import { assertCan, assertVersion, findVisible, findVisibleById, loadChildren } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { DischargeOutlet } from './outlet.entity';
import type { CreateOutletInput, UpdateOutletInput } from './outlet.inputs';
import { SourceChangeAction } from './source-change.entity';
import { PollutionSource } from './source.entity';
import { record } from './source.service';

/** An outlet's code is unique within its source; the source's outlets are all visible to whoever sees one. */
async function assertCodeFree(ctx: RequestContext, outlet: DischargeOutlet): Promise<void> {
  const same = await ctx.em.findOne(DischargeOutlet, { sourceId: outlet.sourceId, code: outlet.code, id: { $ne: outlet.id ?? 0 } });
  if (same) throw new ConflictError(`The source already has an outlet ${outlet.code}`, { field: 'code' });
}

/** Outlets are part of the source's archive: each change is an entry of its history ("DA001 锅炉废气"). */
async function recordOutlet(ctx: RequestContext, source: PollutionSource | number, before: DischargeOutlet | null, after: DischargeOutlet | null): Promise<void> {
  const text = (o: DischargeOutlet | null) => (o ? `${o.code} ${o.name}` : null);
  const owner = typeof source === 'number' ? await findVisibleById(ctx, PollutionSource, source) : source;
  record(ctx, ctx.em, owner, SourceChangeAction.UPDATED, { outlets: [text(before), text(after)] });
}

export const outletService = {
  /** A source's outlets by code (DA… before DW…), batched over a page of sources. */
  async onSource(ctx: RequestContext, source: PollutionSource): Promise<DischargeOutlet[]> {
    const outlets = await loadChildren(ctx, DischargeOutlet, 'sourceId', source.id);
    return [...outlets].sort((a, b) => a.code.localeCompare(b.code));
  },

  /** On a source the caller sees (else NOT_FOUND, as for one that does not exist), in its scope. */
  async create(ctx: RequestContext, input: CreateOutletInput): Promise<DischargeOutlet> {
    const source = await findVisible(ctx, PollutionSource, input.sourceId);
    const outlet = Object.assign(new DischargeOutlet(), {
      cityId: source.cityId,
      countyId: source.countyId,
      townshipId: source.townshipId,
      gridId: source.gridId,
      sourceId: source.id,
      code: input.code,
      name: input.name,
    });
    assertCan(ctx, 'create', outlet);
    await assertCodeFree(ctx, outlet);
    ctx.em.persist(outlet);
    await recordOutlet(ctx, source, null, outlet);
    await ctx.em.flush();
    return outlet;
  },

  async update(ctx: RequestContext, id: string, version: number, input: UpdateOutletInput): Promise<DischargeOutlet> {
    const outlet = await findVisible(ctx, DischargeOutlet, id);
    assertCan(ctx, 'update', outlet);
    assertVersion(outlet, version, 'outlet');
    const before = Object.assign(new DischargeOutlet(), { code: outlet.code, name: outlet.name });
    if (input.code !== undefined) outlet.code = input.code;
    if (input.name !== undefined) outlet.name = input.name;
    await assertCodeFree(ctx, outlet);
    if (before.code !== outlet.code || before.name !== outlet.name) await recordOutlet(ctx, outlet.sourceId, before, outlet);
    await ctx.em.flush();
    return outlet;
  },

  /** Removes an outlet entered by mistake (an outlet that closed is edited, not removed). */
  async remove(ctx: RequestContext, id: string): Promise<string> {
    const outlet = await findVisible(ctx, DischargeOutlet, id);
    assertCan(ctx, 'deactivate', outlet);
    ctx.em.remove(outlet);
    await recordOutlet(ctx, outlet.sourceId, outlet, null);
    await ctx.em.flush();
    return id;
  },
};
