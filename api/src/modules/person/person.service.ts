import type { FilterQuery } from '@mikro-orm/postgresql';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { GridLevel } from '../../common/enums';
import { BadInputError, ForbiddenError } from '../../common/errors';
import { fromGlobalId, fromGlobalIds } from '../../common/global-id';
import { assertCan, assertPermittedFields, findVisible, likeEscape } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { GridWorker } from './grid-worker.entity';
import { Officer } from './officer.entity';
import type { PersonFilter } from './person.inputs';
import { PERSON_SENSITIVE_FIELDS } from './person.policy';

type PersonEntity = Officer | GridWorker;
type PersonClass<T extends PersonEntity> = (new () => T) & { name: 'Officer' | 'GridWorker' };

/** How each kind of person is attached to grids, and which grid levels fit. */
const attachments = {
  Officer: { pivot: 'officer_grid', column: 'officer_id', levels: Object.values(GridLevel) },
  GridWorker: { pivot: 'grid_worker_grid', column: 'grid_worker_id', levels: [GridLevel.TOWNSHIP, GridLevel.VILLAGE] },
};

interface PersonInput {
  employerUnitId?: string;
  gridIds?: string[];
  [field: string]: unknown;
}

/** Officers and grid workers share everything but their attachment table and extra fields. */
export function personService<T extends PersonEntity>(entity: PersonClass<T>) {
  const attachment = attachments[entity.name];

  async function visibleGrids(ctx: RequestContext, ids: string[]): Promise<Grid[]> {
    const grids = await ctx.em.find(Grid, { id: { $in: fromGlobalIds('Grid', ids) } });
    if (grids.length !== new Set(ids).size) {
      throw new BadInputError('Unknown grid in gridIds', [{ field: 'gridIds', message: 'unknown grid' }]);
    }
    if (grids.some((g) => !attachment.levels.includes(g.level))) {
      throw new BadInputError('Grid workers patrol level-3 and level-4 grids', [{ field: 'gridIds', message: 'wrong level' }]);
    }
    return grids;
  }

  function apply(person: T, input: PersonInput): void {
    const { employerUnitId: _unit, gridIds: _grids, ...fields } = input;
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(person, { [key]: value });
  }

  return {
    byId: (ctx: RequestContext, id: string): Promise<T> => findVisible(ctx, entity, id),

    async list(ctx: RequestContext, filter: PersonFilter = {}, args: ConnectionArgs): Promise<Connection<T>> {
      const where: FilterQuery<PersonEntity>[] = [];
      if (filter.employerUnitId) where.push({ employerUnitId: fromGlobalId('Grid', filter.employerUnitId) });
      if (filter.gridId) where.push({ grids: { id: fromGlobalId('Grid', filter.gridId) } });
      if (filter.active != null) where.push({ active: filter.active });
      if (filter.search) where.push({ name: { $ilike: `%${likeEscape(filter.search)}%` } });
      return paginate(ctx.em, entity, { $and: where } as FilterQuery<T>, [{ id: 'asc' }], args);
    },

    /** The grids each person is attached to, in one statement for the page (plus one scoped grid load). */
    grids(ctx: RequestContext, person: T): Promise<Grid[]> {
      const loader = ctx.loaders.get<number, Grid[]>(`${entity.name}.grids`, async (ids) => {
        const rows = await ctx.em.execute<{ person: number; grid_id: number }[]>(
          `select ${attachment.column} as person, grid_id from ${attachment.pivot} where ${attachment.column} in (?)`,
          [[...ids]],
        );
        const grids = await ctx.em.find(Grid, { id: { $in: rows.map((r) => r.grid_id) } });
        const byId = new Map(grids.map((g) => [g.id, g]));
        return ids.map((id) => rows.filter((r) => r.person === id).flatMap((r) => byId.get(r.grid_id) ?? []));
      });
      return loader.load(person.id);
    },

    /** The people attached to a grid (a handful per grid), batched across grids. */
    onGrid(ctx: RequestContext, grid: Grid): Promise<T[]> {
      const loader = ctx.loaders.get<number, T[]>(`${entity.name}.onGrid`, async (gridIds) => {
        const people = await ctx.em.find(entity, { grids: { id: { $in: [...gridIds] } } } as FilterQuery<T>, {
          populate: ['grids'] as never,
          orderBy: { id: 'asc' } as never,
        });
        return gridIds.map((gid) => people.filter((p) => p.grids.getItems(false).some((g: Grid) => g.id === gid)));
      });
      return loader.load(grid.id);
    },

    /** Personal phone numbers resolve only for roles allowed to read them (null plus an error otherwise). */
    phone(ctx: RequestContext, person: T): string | null {
      if (!ctx.ability.can('read', person, PERSON_SENSITIVE_FIELDS[0])) throw new ForbiddenError('Phone numbers are not visible to your role');
      return person.phone ?? null;
    },

    async create(ctx: RequestContext, input: PersonInput & { employerUnitId: string; gridIds: string[] }): Promise<T> {
      const unit = await findVisible(ctx, Grid, input.employerUnitId);
      const person = Object.assign(new entity(), { ...unit.scope, employerUnitId: unit.id });
      apply(person, input);
      assertCan(ctx, 'create', person);
      person.grids.set(await visibleGrids(ctx, input.gridIds));
      await ctx.em.persistAndFlush(person);
      return person;
    },

    async update(ctx: RequestContext, id: string, input: PersonInput): Promise<T> {
      const person = await findVisible(ctx, entity, id);
      assertCan(ctx, 'update', person);
      assertPermittedFields(ctx, 'update', person, input);
      apply(person, input);
      if (input.gridIds) {
        await person.grids.init();
        person.grids.set(await visibleGrids(ctx, input.gridIds));
      }
      await ctx.em.flush();
      return person;
    },

    async deactivate(ctx: RequestContext, id: string): Promise<T> {
      const person = await findVisible(ctx, entity, id);
      assertCan(ctx, 'deactivate', person);
      person.active = false;
      await ctx.em.flush();
      return person;
    },
  };
}

export const officerService = personService(Officer as PersonClass<Officer>);
export const gridWorkerService = personService(GridWorker as PersonClass<GridWorker>);
