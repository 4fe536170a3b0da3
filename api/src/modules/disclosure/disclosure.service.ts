import { spendPublicRead } from '../../auth/limits';
import { BadInputError } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { assertCan } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { CaseCategory } from '../department/case-category.entity';
import { DisclosureSetting } from './disclosure-setting.entity';
import type { SetDisclosureSettingInput } from './disclosure.inputs';
import { publicCases, publicOnTimeRates } from './disclosure.sql';
import type { PublicCase, PublicCasePage, PublicOnTimeRate } from './public-case.types';

function decodeAfter(after: string | null): number | null {
  if (after == null) return null;
  const id = Number(Buffer.from(after, 'base64url').toString());
  if (!Number.isSafeInteger(id) || id <= 0) throw new BadInputError('Invalid cursor', [{ field: 'after', message: 'invalid cursor' }]);
  return id;
}

export const disclosureService = {
  /** The city's setting; without a row, the conservative default (nothing published). */
  async setting(ctx: RequestContext): Promise<DisclosureSetting> {
    return (await ctx.em.findOne(DisclosureSetting, { id: 1 })) ?? new DisclosureSetting();
  },

  async set(ctx: RequestContext, input: SetDisclosureSettingInput): Promise<DisclosureSetting> {
    const categoryIds = [...new Set(input.categoryIds.map((id) => fromGlobalId('CaseCategory', id)))];
    const known = await ctx.em.count(CaseCategory, { id: { $in: categoryIds } });
    if (known !== categoryIds.length) throw new BadInputError('Unknown case category', [{ field: 'categoryIds', message: 'unknown category' }]);
    const setting = (await ctx.em.findOne(DisclosureSetting, { id: 1 })) ?? new DisclosureSetting();
    assertCan(ctx, 'update', setting);
    Object.assign(setting, {
      categoryIds,
      fields: [...new Set(input.fields)],
      publishedFrom: input.publishedFrom ?? null,
      updatedById: ctx.principal?.accountId ?? null,
    });
    await ctx.em.persistAndFlush(setting);
    return setting;
  },

  /** Published closed cases, newest first; each call spends the caller's address's budget. */
  async cases(ctx: RequestContext, first: number, after: string | null): Promise<PublicCasePage> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new BadInputError('first must be 1..100', [{ field: 'first', message: 'out of range' }]);
    const afterId = decodeAfter(after);
    await spendPublicRead(ctx);
    const rows = await publicCases(ctx.em, afterId, first + 1);
    const nodes: PublicCase[] = rows.slice(0, first).map((r) => ({
      number: r.number,
      categoryCode: r.category_code,
      category: r.category_name,
      countyCode: r.county_code,
      county: r.county_name,
      township: r.township_name,
      reportedOn: r.reported_on,
      closedOn: r.closed_on,
      onTime: r.on_time,
      description: r.description,
      handlingUnit: r.handling_unit,
    }));
    const last = rows.length > first ? rows[first - 1] : null;
    return { nodes, hasMore: rows.length > first, endCursor: last ? Buffer.from(last.id).toString('base64url') : null };
  },

  async onTimeRates(ctx: RequestContext): Promise<PublicOnTimeRate[]> {
    await spendPublicRead(ctx);
    return (await publicOnTimeRates(ctx.em)).map((r) => ({
      countyCode: r.county_code,
      county: r.county_name,
      closed: r.closed,
      withDeadline: r.with_deadline,
      onTime: r.on_time,
      rate: r.with_deadline ? Math.round((r.on_time * 1000) / r.with_deadline) / 10 : null,
    }));
  },
};
