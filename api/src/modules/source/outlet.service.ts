import { BadInputError, ConflictError } from '../../common/errors';
import { assertCan, assertVersion, findVisible, loadChildren } from '../../common/records';
import type { RequestContext } from '../../context/request-context';
import { DischargeOutlet } from './outlet.entity';
import type { CreateOutletInput, UpdateOutletInput } from './outlet.inputs';
import { PollutionSource } from './source.entity';

/** An outlet's code is unique within its source; the source's outlets are all visible to whoever sees one. */
async function assertCodeFree(ctx: RequestContext, outlet: DischargeOutlet): Promise<void> {
  const same = await ctx.em.findOne(DischargeOutlet, { sourceId: outlet.sourceId, code: outlet.code, id: { $ne: outlet.id ?? 0 } });
  if (same) throw new ConflictError(`The source already has an outlet ${outlet.code}`, { field: 'code' });
}

function nameOf(name: string): string {
  const text = name.trim();
  if (!text) throw new BadInputError('An outlet needs a name', [{ field: 'name', message: 'must not be blank' }]);
  return text;
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
      name: nameOf(input.name),
    });
    assertCan(ctx, 'create', outlet);
    await assertCodeFree(ctx, outlet);
    ctx.em.persist(outlet);
    await ctx.em.flush();
    return outlet;
  },

  async update(ctx: RequestContext, id: string, version: number, input: UpdateOutletInput): Promise<DischargeOutlet> {
    const outlet = await findVisible(ctx, DischargeOutlet, id);
    assertCan(ctx, 'update', outlet);
    assertVersion(outlet, version, 'outlet');
    if (input.code !== undefined) outlet.code = input.code;
    if (input.name !== undefined) outlet.name = nameOf(input.name);
    await assertCodeFree(ctx, outlet);
    await ctx.em.flush();
    return outlet;
  },

  /** Removes an outlet entered by mistake (an outlet that closed is edited, not removed). */
  async remove(ctx: RequestContext, id: string): Promise<string> {
    const outlet = await findVisible(ctx, DischargeOutlet, id);
    assertCan(ctx, 'deactivate', outlet);
    ctx.em.remove(outlet);
    await ctx.em.flush();
    return id;
  },
};
