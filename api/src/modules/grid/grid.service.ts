import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { paginate, type ChildConnectionArgs, type Connection, type ConnectionArgs } from '../../common/connection';
import { BoundarySource, GridLevel } from '../../common/enums';
import { BadInputError, ConflictError } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { childConnection } from '../../data/nested-connection';
import { assertCan, assertPermittedFields, findVisible, likeEscape, loadChildren, loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { subtree } from '../../auth/territory';
import type { ListQuery } from '../../data/read-model';
import { gridCodeProblem, levelBelow } from '@gridwatch/domain';
import { Grid } from './grid.entity';
import { GridOrder, type CreateGridInput, type GridFilter, type UpdateGridInput } from './grid.inputs';
import { rescopeSubtree } from './grid-rescope.sql';
import { GridHistory } from './grid-history.entity';
import { archiveState, stateChanged, type GridState } from './grid-history';
import { formerCodePrefix, formerHolders, refreshPlatformFlags } from './grid.sql';

const orderings: Record<GridOrder, QueryOrderMap<Grid>[]> = {
  [GridOrder.CODE_ASC]: [{ code: 'asc' }],
  [GridOrder.NAME_ASC]: [{ name: 'asc' }, { id: 'asc' }],
  [GridOrder.CREATED_DESC]: [{ createdAt: 'desc' }, { id: 'desc' }],
};

/**
 * "This grid and everything below it" as a condition on scope columns; `villageKey` is the
 * column that ties a row to a village (`id` for grids, `gridId` for sources and cases).
 */
export function subtreeOf<T = Grid>(grid: Grid, villageKey = 'id'): FilterQuery<T> {
  return subtree(grid.level, grid.id, villageKey) as FilterQuery<T>;
}

export const gridService = {
  byId: (ctx: RequestContext, id: string): Promise<Grid> => findVisible(ctx, Grid, id),

  /** The grid holding a code now, else the latest holder of it as a former code (in the territory). */
  async byCode(ctx: RequestContext, code: string): Promise<Grid | null> {
    const current = await ctx.em.findOne(Grid, { code });
    if (current) return current;
    for (const { grid_id } of await formerHolders(ctx.em, [code])) {
      const grid = await loadVisible(ctx, Grid, grid_id);
      if (grid) return grid;
    }
    return null;
  },

  /** Earlier codes, names and parents of a grid, newest first (appended in time order), batched over a page of grids. */
  history: async (ctx: RequestContext, grid: Grid): Promise<GridHistory[]> => [...(await loadChildren(ctx, GridHistory, 'gridId', grid.id))].reverse(),

  /** The list's filter and keyset order: the resolvers' page and the compiled read (data/read-compiler.ts) share it. */
  async listQuery(ctx: RequestContext, filter: GridFilter = {}, order = GridOrder.CODE_ASC): Promise<ListQuery<Grid>> {
    const where: FilterQuery<Grid>[] = [];
    if (filter.level) where.push({ level: filter.level });
    if (filter.kind) where.push({ kind: filter.kind });
    if (filter.active != null) where.push({ active: filter.active });
    if (filter.parentId) where.push({ parentId: fromGlobalId('Grid', filter.parentId) });
    if (filter.withinId) where.push(subtreeOf(await gridService.byId(ctx, filter.withinId)));
    if (filter.search) {
      const text = likeEscape(filter.search.trim());
      // A former code finds the grid that holds it now.
      const formerly = /^\d+$/.test(text) ? await formerCodePrefix(ctx.em, text) : [];
      where.push({ $or: [{ code: { $like: `${text}%` } }, { name: { $ilike: `%${text}%` } }, ...(formerly.length ? [{ id: { $in: formerly } }] : [])] });
    }
    return { where: { $and: where }, orderBy: orderings[order] };
  },

  async list(ctx: RequestContext, filter: GridFilter = {}, order = GridOrder.CODE_ASC, args: ConnectionArgs, info?: GraphQLResolveInfo): Promise<Connection<Grid>> {
    const query = await gridService.listQuery(ctx, filter, order);
    return paginate(ctx.em, Grid, query.where, query.orderBy, args, { info });
  },

  children: (ctx: RequestContext, grid: Grid, args: ChildConnectionArgs, info?: GraphQLResolveInfo): Promise<Connection<Grid>> =>
    childConnection(ctx, { entity: Grid, subject: 'Grid', property: 'parentId', column: 'parent_id', order: 'asc' }, grid.id, args, { info }),

  parent: (ctx: RequestContext, grid: Grid): Promise<Grid | null> => loadVisible(ctx, Grid, grid.parentId),

  /** City → county → township above a grid, as far as the caller may see. */
  async ancestors(ctx: RequestContext, grid: Grid): Promise<Grid[]> {
    const ids = [grid.cityId, grid.countyId, grid.townshipId].filter((id): id is number => id != null && id !== grid.id);
    const found = await Promise.all(ids.map((id) => loadVisible(ctx, Grid, id)));
    return found.filter((g): g is Grid => g != null);
  },

  async create(ctx: RequestContext, input: CreateGridInput): Promise<Grid> {
    const parent = await findVisible(ctx, Grid, input.parentId);
    const level = levelBelow(parent.level);
    if (!level) throw new BadInputError('A village grid has no grids below it', [{ field: 'parentId', message: 'lowest level' }]);
    const kind = input.kind ?? parent.kind;
    checkCode(parent, input.code, kind);
    const grid = Object.assign(new Grid(), {
      code: input.code,
      name: input.name,
      level,
      kind,
      parentId: parent.id,
      cityId: parent.cityId,
      countyId: level === GridLevel.COUNTY ? null : parent.countyId,
      townshipId: level === GridLevel.VILLAGE ? parent.townshipId : null,
      boundary: input.boundary ?? null,
      boundarySource: input.boundary ? BoundarySource.IMPORTED : null,
      centroidLng: input.centroid?.lng ?? null,
      centroidLat: input.centroid?.lat ?? null,
      hasPlatformSet: input.hasPlatform ?? null,
      validFrom: ctx.clock.now(),
    });
    assertCan(ctx, 'create', grid);
    await ensureCodeFree(ctx, input.code);
    // A new county/township is its own scope root; the id exists only after the insert.
    await ctx.em.transactional(async (em) => {
      em.persist(grid);
      await em.flush();
      if (level === GridLevel.COUNTY) grid.countyId = grid.id;
      if (level === GridLevel.TOWNSHIP) grid.townshipId = grid.id;
      await em.flush();
      await refreshPlatformFlags(em, grid.countyId != null ? [grid.countyId] : [], [grid.id]);
    });
    await ctx.em.refresh(grid);
    return grid;
  },

  async update(ctx: RequestContext, id: string, input: UpdateGridInput): Promise<Grid> {
    const grid = await findVisible(ctx, Grid, id);
    assertCan(ctx, 'update', grid);
    assertPermittedFields(ctx, 'update', grid, input);
    const oldParent = await loadVisible(ctx, Grid, grid.parentId);
    const before: GridState = { code: grid.code, name: grid.name, parentCode: oldParent?.code ?? null };
    if (input.name != null) grid.name = input.name;
    if (input.hasPlatform !== undefined) grid.hasPlatformSet = input.hasPlatform;
    if (input.boundary !== undefined) {
      grid.boundary = input.boundary ?? null;
      grid.boundarySource = input.boundary ? BoundarySource.IMPORTED : null;
    }
    if (input.centroid) {
      grid.centroidLng = input.centroid.lng;
      grid.centroidLat = input.centroid.lat;
    }
    const parent = input.parentId ? await findVisible(ctx, Grid, input.parentId) : await loadVisible(ctx, Grid, grid.parentId);
    if (input.code != null && input.code !== grid.code) {
      if (parent) checkCode(parent, input.code, grid.kind);
      await ensureCodeFree(ctx, input.code);
      grid.code = input.code;
    }
    await ctx.em.transactional(async (em) => {
      if (parent && parent.id !== grid.parentId) await rescopeSubtree(ctx, em, grid, parent);
      if (stateChanged(before, { code: grid.code, name: grid.name, parentCode: parent?.code ?? null })) archiveState(ctx, em, grid, before);
      await em.flush();
      if (input.hasPlatform !== undefined || parent?.id !== oldParent?.id) {
        await refreshPlatformFlags(em, grid.countyId != null ? [grid.countyId] : [], [grid.id]);
      }
    });
    if (input.hasPlatform !== undefined) await ctx.em.refresh(grid);
    return grid;
  },

  async deactivate(ctx: RequestContext, id: string): Promise<Grid> {
    const grid = await findVisible(ctx, Grid, id);
    assertCan(ctx, 'deactivate', grid);
    const activeChildren = await ctx.em.count(Grid, { parentId: grid.id, active: true }, { filters: false });
    if (activeChildren > 0) {
      throw new ConflictError(`This grid still has ${activeChildren} active grids below it`, { activeChildren });
    }
    grid.active = false;
    await ctx.em.flush();
    return grid;
  },
};

function checkCode(parent: Grid, code: string, kind: Grid['kind']): void {
  const problem = gridCodeProblem(parent, code, kind);
  if (problem) throw new BadInputError(`Grid code ${code} ${problem}`, [{ field: 'code', message: problem }]);
}

async function ensureCodeFree(ctx: RequestContext, code: string): Promise<void> {
  // Uniqueness is global: look past the caller's scope, but say nothing about where it is.
  if (await ctx.em.count(Grid, { code }, { filters: false })) {
    throw new ConflictError(`Grid code ${code} is already in use`, { field: 'code' });
  }
}
