import type { FilterQuery } from '@mikro-orm/postgresql';
import { validate } from 'class-validator';
import { SCOPE_FILTER } from '../../auth/scope-filter';
import { ARGUMENT_VALIDATION } from '../../common/connection';
import { BadInputError, ForbiddenError, NotFoundError } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import type { RequestContext } from '../../context/request-context';
import { CaseCategory } from '../department/case-category.entity';
import { CaseOrigin } from '../case/case.enums';
import { Case } from '../case/case.entity';
import { ReportCaseInput } from '../case/case.inputs';
import { caseService } from '../case/case.service';
import { Department } from '../department/department.entity';
import { GeoPointInput } from '../grid/grid.inputs';
import { Grid } from '../grid/grid.entity';
import { REQUESTS_LIMIT, type PostRequestInput, type RequestsQuery } from './open311.inputs';
import { placeOf } from './open311-place';
import { lastStepTimes } from './open311.sql';
import {
  CLOSED_STATUSES,
  DEPARTMENT_STEPS,
  FIELD_GROUPS,
  GRID_ATTRIBUTE,
  STEP_NOTES,
  UNIT_STEPS,
  type Open311Posted,
  type Open311Request,
  type Open311Service,
  type Open311ServiceDefinition,
} from './open311.types';

/** The jurisdiction this server answers for: the configured one, else the city's division code (340100). */
async function jurisdiction(ctx: RequestContext, configured: string | null): Promise<string> {
  if (configured) return configured;
  const cityId = ctx.principal?.unitScope.cityId;
  // The city is on every unit's path: structure, read whatever the key's own scope.
  const city = cityId == null ? null : await ctx.em.findOne(Grid, { id: cityId }, { filters: { [SCOPE_FILTER]: false }, fields: ['code'] });
  return city?.code.slice(0, 6) ?? '';
}

/** A jurisdiction_id other than ours is unknown here (404), as the spec asks; none means ours. */
export async function checkJurisdiction(ctx: RequestContext, given: string | undefined, configured: string | null): Promise<void> {
  if (given !== undefined && given !== (await jurisdiction(ctx, configured))) throw new NotFoundError('Jurisdiction', given);
}

function service(category: CaseCategory): Open311Service {
  const group = FIELD_GROUPS[category.defaultField];
  return {
    service_code: category.code,
    service_name: category.name,
    description: `${category.name} (默认派遣: ${group}部门)`,
    metadata: false,
    type: 'realtime',
    keywords: [category.name, group].join(','),
    group,
  };
}

async function activeCategory(ctx: RequestContext, code: string): Promise<CaseCategory> {
  const category = await ctx.em.findOne(CaseCategory, { code, active: true });
  if (!category) throw new NotFoundError('Service', code);
  return category;
}

/** The same checks GraphQL runs on reportCase's input (class-validator), since this door calls the service directly. */
async function validated(input: ReportCaseInput): Promise<ReportCaseInput> {
  const problems = await validate(input, ARGUMENT_VALIDATION);
  if (problems.length) {
    const fields = problems.flatMap((p) => [p, ...(p.children ?? [])]).flatMap((p) => Object.values(p.constraints ?? {}).map((message) => ({ field: p.property, message })));
    throw new BadInputError(`Invalid input: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, fields);
  }
  return input;
}

/** Open311 names our fields otherwise: a problem reported on `complainantPhone` is one on `phone`. */
export const SPEC_FIELDS: Record<string, string> = {
  complainantPhone: 'phone',
  lng: 'long',
  complainantName: 'first_name',
  mediaUrl: 'media_url',
  address: 'address_string',
  categoryId: 'service_code',
  idempotencyKey: 'Idempotency-Key',
};

/**
 * The names of the units and departments handling visible cases, as the case's own page shows
 * them to its reader (the scope filter would hide a county's bureau from a township's key);
 * row-level security still bounds what is named.
 */
async function namesOf(ctx: RequestContext, entity: 'Grid' | 'Department', ids: (number | null | undefined)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id != null))];
  if (!wanted.length) return new Map();
  const options = { filters: { [SCOPE_FILTER]: false } };
  const rows = entity === 'Grid' ? await ctx.em.find(Grid, { id: { $in: wanted } }, options) : await ctx.em.find(Department, { id: { $in: wanted } }, options);
  return new Map(rows.map((row) => [row.id, row.name]));
}

export const open311Service = {
  async services(ctx: RequestContext): Promise<Open311Service[]> {
    const categories = await ctx.em.find(CaseCategory, { active: true }, { orderBy: { code: 'asc' } });
    return categories.map(service);
  },

  async definition(ctx: RequestContext, code: string): Promise<Open311ServiceDefinition> {
    const category = await activeCategory(ctx, code);
    return { service_code: category.code, attributes: [GRID_ATTRIBUTE] };
  },

  /**
   * A complaint (群众投诉) through the ordinary report path: validation, routing to the first
   * handling unit, deadlines and the timeline's hash chain apply as to any report.
   */
  async post(ctx: RequestContext, input: PostRequestInput): Promise<Open311Posted> {
    const category = await activeCategory(ctx, input.serviceCode);
    const grid = await placeOf(ctx, input);
    if (input.idempotencyKey && !ctx.ability.can('read', 'Case')) {
      // A resubmission is found by reading the first one: a key that may not read cases would file twice.
      throw new ForbiddenError('An Idempotency-Key needs a key that may read cases (READ_CASES)');
    }
    const report = await validated(
      Object.assign(new ReportCaseInput(), {
        gridId: toGlobalId('Grid', grid.id),
        categoryId: toGlobalId('CaseCategory', category.id),
        origin: CaseOrigin.COMPLAINT,
        description: input.description,
        address: input.addressString,
        location: input.lat !== undefined ? Object.assign(new GeoPointInput(), { lat: input.lat, lng: input.long }) : undefined,
        mediaUrl: input.mediaUrl,
        complainantName: input.complainantName,
        complainantPhone: input.complainantPhone,
        // Keys of different API keys never meet: reports through a key have no reporting account.
        idempotencyKey: input.idempotencyKey ? `${ctx.principal?.login}:${input.idempotencyKey}` : undefined,
      }),
    );
    // SEAM (issue 22, complaints): once cases carry a channel (投诉渠道) and an external ticket
    // number, this door sets channel = API (third-party interface) here, on `report`.
    const kase = await caseService.report(ctx, report);
    return { service_request_id: kase.number, service_notice: null, account_id: null };
  },

  /** GET requests: by ids, or by window, status and service. */
  async requests(ctx: RequestContext, query: RequestsQuery): Promise<Open311Request[]> {
    const where: FilterQuery<Case> = {};
    // Given ids, the other parameters are ignored (GeoReport v2).
    if (query.numbers) Object.assign(where, { number: { $in: query.numbers } });
    else {
      Object.assign(where, { reportedAt: { $gte: query.start, $lte: query.end } });
      if (query.statuses) Object.assign(where, { status: { $in: query.statuses } });
      if (query.serviceCodes) {
        const categories = await ctx.em.find(CaseCategory, { code: { $in: query.serviceCodes } }, { fields: ['id'] });
        Object.assign(where, { categoryId: { $in: categories.map((c) => c.id) } });
      }
    }
    return complaints(ctx, where);
  },

  async request(ctx: RequestContext, number: string): Promise<Open311Request[]> {
    const found = await complaints(ctx, { number });
    if (!found.length) throw new NotFoundError('Request', number);
    return found;
  },
};

/**
 * Complaints (origin COMPLAINT) of the key's territory, newest first, through the scope filter:
 * the cases the key reads through GraphQL with READ_CASES, and only the complaints among them.
 */
async function complaints(ctx: RequestContext, where: FilterQuery<Case>): Promise<Open311Request[]> {
  if (!ctx.ability.can('read', 'Case')) throw new ForbiddenError('Reading requests needs a key that may read cases (READ_CASES)');
  const cases = await ctx.em.find(Case, { $and: [where, { origin: CaseOrigin.COMPLAINT }] }, { orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }], limit: REQUESTS_LIMIT });
  return describe(ctx, cases);
}

/** Cases as GeoReport requests: never the complainant's name or phone. */
async function describe(ctx: RequestContext, cases: Case[]): Promise<Open311Request[]> {
  const ids = cases.map((c) => c.id);
  const [categories, units, departments, moved] = await Promise.all([
    ctx.em.find(CaseCategory, { id: { $in: [...new Set(cases.map((c) => c.categoryId))] } }),
    namesOf(ctx, 'Grid', cases.map((c) => c.handlingUnitId)),
    namesOf(ctx, 'Department', cases.map((c) => c.leadDepartmentId)),
    lastStepTimes(ctx.em, ids),
  ]);
  const categoryOf = new Map(categories.map((c) => [c.id, c]));
  return cases.map((kase) => {
    const category = categoryOf.get(kase.categoryId) as CaseCategory;
    const unit = units.get(kase.handlingUnitId ?? 0) ?? null;
    const department = departments.get(kase.leadDepartmentId ?? 0) ?? null;
    const at = DEPARTMENT_STEPS.has(kase.status) ? department ?? unit : UNIT_STEPS.has(kase.status) ? unit : null;
    const closed = CLOSED_STATUSES.includes(kase.status);
    return {
      service_request_id: kase.number,
      status: closed ? 'closed' : 'open',
      status_notes: at ? `${STEP_NOTES[kase.status]}: ${at}` : STEP_NOTES[kase.status],
      service_name: category.name,
      service_code: category.code,
      description: kase.description,
      agency_responsible: department ?? unit,
      service_notice: null,
      requested_datetime: kase.reportedAt.toISOString(),
      updated_datetime: (moved.get(kase.id) ?? kase.reportedAt).toISOString(),
      expected_datetime: closed ? null : kase.dueAt?.toISOString() ?? null,
      address: kase.address ?? null,
      address_id: null,
      zipcode: null,
      lat: kase.lat ?? null,
      long: kase.lng ?? null,
      media_url: kase.mediaUrl ?? null,
    };
  });
}
