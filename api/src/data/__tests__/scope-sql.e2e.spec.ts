import { createMongoAbility, subject } from '@casl/ability';
import fc from 'fast-check';
import { Client } from 'pg';
import { buildAbility, type Action, type SubjectType } from '../../auth/ability';
import { DepartmentField, GridLevel, Role } from '../../common/enums';
import type { Principal } from '../../context/principal';
import { ApiKeyScope } from '../../common/api-key-scope';
import { cloneDatabase, TEMPLATE_EMPTY } from '../../test/databases';
import { scopeSql } from '../scope-sql';
import { conditionSql, SqlParams, UntranslatableCondition, type Column } from '../sql-condition';
import { AssessmentSubjectType } from '../../modules/assessment/assessment.enums';

/**
 * The scope compiler against CASL itself: random principals and random records; for every
 * subject and action, the rows the compiled SQL returns must be exactly those `ability.can`
 * allows. The records live in a JSON parameter (no tables), so this is about the translation only.
 */
const UNITS = {
  city: 1,
  counties: [10, 20],
  townships: [11, 12, 21],
  villages: [111, 112, 121, 211],
};
const unitOf: Record<number, { level: GridLevel; cityId: number; countyId: number | null; townshipId: number | null }> = {
  1: { level: GridLevel.CITY, cityId: 1, countyId: null, townshipId: null },
  10: { level: GridLevel.COUNTY, cityId: 1, countyId: 10, townshipId: null },
  20: { level: GridLevel.COUNTY, cityId: 1, countyId: 20, townshipId: null },
  11: { level: GridLevel.TOWNSHIP, cityId: 1, countyId: 10, townshipId: 11 },
  12: { level: GridLevel.TOWNSHIP, cityId: 1, countyId: 10, townshipId: 12 },
  21: { level: GridLevel.TOWNSHIP, cityId: 1, countyId: 20, townshipId: 21 },
  111: { level: GridLevel.VILLAGE, cityId: 1, countyId: 10, townshipId: 11 },
  112: { level: GridLevel.VILLAGE, cityId: 1, countyId: 10, townshipId: 11 },
  121: { level: GridLevel.VILLAGE, cityId: 1, countyId: 10, townshipId: 12 },
  211: { level: GridLevel.VILLAGE, cityId: 1, countyId: 20, townshipId: 21 },
};
const allUnits = Object.keys(unitOf).map(Number);
const fields = [DepartmentField.ENVIRONMENT, DepartmentField.WATER, DepartmentField.URBAN_MANAGEMENT];
const pick = <T>(list: readonly T[]) => fc.constantFrom(...list);

const principal: fc.Arbitrary<Principal> = fc
  .record({
    role: pick(Object.values(Role)),
    unitId: pick(allUnits),
    departmentId: fc.option(pick([1, 2]), { nil: null }),
    departmentField: fc.option(pick(fields), { nil: null }),
    assignedGridIds: fc.subarray(UNITS.villages),
    assignedTownshipIds: fc.subarray(UNITS.townships),
    apiScopes: fc.subarray(Object.values(ApiKeyScope)),
  })
  .map((p) => {
    const unit = unitOf[p.unitId];
    return {
      ...p,
      accountId: 7,
      login: 'probe',
      displayName: 'probe',
      unitLevel: unit.level,
      unitScope: { cityId: unit.cityId, countyId: unit.countyId, townshipId: unit.townshipId },
      apiKey: null,
    };
  });

/** One record with every column a rule of these subjects names (a grid row, a case, a source...). */
const record = fc.record({
  id: pick(allUnits),
  gridId: pick(allUnits),
  parentId: fc.option(pick(allUnits), { nil: null }),
  level: pick(Object.values(GridLevel)),
  field: pick(fields),
  leadDepartmentId: fc.option(pick([1, 2, 3]), { nil: null }),
  handlingUnitId: fc.option(pick(allUnits), { nil: null }),
  handlingParentId: fc.option(pick(allUnits), { nil: null }),
  viaPlatform: fc.boolean(),
  extensionCount: fc.integer({ min: 0, max: 2 }),
  origin: pick(['PATROL', 'COMPLAINT', 'REFERRAL']),
  status: pick(['PENDING', 'ACTIVE', 'REPORTED', 'CLOSED']),
  departmentId: fc.option(pick([1, 2]), { nil: null }),
  unitId: pick(allUnits),
  employerUnitId: pick(allUnits),
  role: pick(Object.values(Role)),
  recordedById: pick([7, 8]),
  // 联合执法: the departments a case is dispatched to (a partner reads its joint case through them).
  assignmentRows: fc.array(fc.record({ departmentId: pick([1, 2, 3]), active: fc.boolean() }), { maxLength: 3 }),
});

const columns: Record<string, string> = {
  id: 'int', cityId: 'int', countyId: 'int', townshipId: 'int', gridId: 'int', parentId: 'int', level: 'text', field: 'text',
  leadDepartmentId: 'int', handlingUnitId: 'int', handlingParentId: 'int', viaPlatform: 'boolean', extensionCount: 'int',
  origin: 'text', status: 'text', departmentId: 'int', unitId: 'int', employerUnitId: 'int', role: 'text', recordedById: 'int',
};

/**
 * Relations ($some) these flat records have no rows of: a unit handling no case, a department
 * leading none. The condition is then false in SQL, and (as $elemMatch over []) in CASL too.
 */
const EMPTY_RELATIONS: Record<string, Column> = { handledCases: { some: () => 'false' }, ledCases: { some: () => 'false' } };
/** The flat columns, and a case's assignments as rows of a JSON array (for `$some`). */
const assignmentColumn = (property: string): Column | undefined => (property === 'departmentId' || property === 'active' ? `a."${property}"` : undefined);
const flatColumn = (property: string): Column | undefined =>
  property === 'assignmentRows'
    ? { some: (condition, inner) => `exists (select 1 from json_to_recordset(t."assignmentRows") as a("departmentId" int, "active" boolean) where ${conditionSql(condition, assignmentColumn, inner)})` }
    : property in columns
      ? `t."${property}"`
      : EMPTY_RELATIONS[property];

const SUBJECTS: SubjectType[] = ['Case', 'CaseEvent', 'CaseAssignment', 'PollutionSource', 'Grid', 'Inspection', 'PatrolCheckIn', 'Department', 'Officer', 'GridWorker', 'Account', 'PatrolPlan', 'SensitivePeriod'];
const ACTIONS: Action[] = ['read', 'create', 'update', 'deactivate', 'confirm', 'file', 'dispatch', 'handle', 'verify', 'approveExtension', 'escalate', 'reopen'];

describe('scope compiler: SQL rows = ability.can', () => {
  let client: Client;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await cloneDatabase(TEMPLATE_EMPTY);
    drop = database.drop;
    client = new Client(database.url);
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await drop?.();
  });

  it('agrees for random principals, records, subjects and actions', async () => {
    const untranslated = new Set<string>();
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(principal, fc.array(record, { minLength: 10, maxLength: 30 }), async (p, raw) => {
        const ability = buildAbility(p);
        // CASL's matcher has no `$some` (a partner's read of its joint case): Mongo's `$elemMatch` says the same in memory.
        const oracle = createMongoAbility(JSON.parse(JSON.stringify(ability.rules).replaceAll('"$some"', '"$elemMatch"')) as typeof ability.rules);
        // Scope columns follow the record's grid, as they do in the tables.
        const records = raw.map((r, index) => ({ ...r, assignmentRows: r.assignmentRows.map((a) => ({ departmentId: a.departmentId, active: a.active })), index, ...scopeOf(r.gridId), handledCases: [], ledCases: [] }));
        for (const type of SUBJECTS) {
          for (const action of ACTIONS) {
            const params = new SqlParams();
            const json = params.add(JSON.stringify(records));
            let where: string;
            try {
              where = scopeSql(ability, action, type, flatColumn, params);
            } catch (error) {
              if (!(error instanceof UntranslatableCondition)) throw error;
              untranslated.add(`${type}.${action}: ${error.message}`);
              continue;
            }
            const shape = Object.entries(columns).map(([name, sqlType]) => `"${name}" ${sqlType}`).join(', ');
            const { rows } = await client.query<{ index: number }>(
              `select t."index" from json_to_recordset(${json}::json) as t("index" int, ${shape}, "assignmentRows" json) where ${where} order by 1`,
              params.values,
            );
            const allowed = records.filter((r) => oracle.can(action, subject(type, { ...r }))).map((r) => r.index);
            expect({ type, action, rows: rows.map((r) => r.index) }).toEqual({ type, action, rows: allowed });
            compared += 1;
          }
        }
      }),
      { numRuns: 60 },
    );
    // Every rule of these subjects is written in SQL; none was skipped.
    expect([...untranslated]).toEqual([]);
    expect(compared).toBe(60 * SUBJECTS.length * ACTIONS.length);
  });

  it('agrees on assessment rows: grids as an array column, the subject type as the table\'s one value', async () => {
    const row = fc.record({ cityId: fc.constant(1), countyId: fc.option(pick(UNITS.counties), { nil: null }), townshipId: fc.option(pick(UNITS.townships), { nil: null }), gridIds: fc.subarray(UNITS.villages) });
    await fc.assert(
      fc.asyncProperty(principal, pick(Object.values(AssessmentSubjectType)), fc.array(row, { minLength: 5, maxLength: 20 }), async (p, subjectType, raw) => {
        // Administrations sit at a city, county or township: a village unit has no assessment rule to write.
        fc.pre(p.unitLevel !== GridLevel.VILLAGE);
        const ability = buildAbility(p);
        const records = raw.map((r, index) => ({ ...r, index }));
        const params = new SqlParams();
        const json = params.add(JSON.stringify(records.map((r) => ({ index: r.index, city_id: r.cityId, county_id: r.countyId, township_id: r.townshipId, grid_ids: r.gridIds }))));
        const columnsOf = (property: string): Column | undefined =>
          ({ cityId: 't.city_id', countyId: 't.county_id', townshipId: 't.township_id', gridIds: { array: 't.grid_ids' }, subjectType: { constant: subjectType } })[property];
        const where = scopeSql(ability, 'read', 'AssessmentRow', columnsOf, params);
        const { rows } = await client.query<{ index: number }>(
          `select t.index from json_to_recordset(${json}::json) as t(index int, city_id int, county_id int, township_id int, grid_ids int[]) where ${where} order by 1`,
          params.values,
        );
        const allowed = records.filter((r) => ability.can('read', subject('AssessmentRow', { ...r, subjectType }))).map((r) => r.index);
        expect(rows.map((r) => r.index)).toEqual(allowed);
      }),
      { numRuns: 150 },
    );
  });

  it('agrees on a relation ($some): spot-check campaigns read through their checks', async () => {
    const campaign = fc.record({ unitId: pick(allUnits), items: fc.array(record, { maxLength: 4 }) });
    const shape = Object.entries(columns).map(([name, sqlType]) => `"${name}" ${sqlType}`).join(', ');
    let throughChecks = 0;
    await fc.assert(
      fc.asyncProperty(principal, fc.array(campaign, { minLength: 5, maxLength: 15 }), async (p, raw) => {
        const ability = buildAbility(p);
        const campaigns = raw.map((c, index) => ({ ...c, index, ...scopeOf(c.unitId), items: c.items.map((item) => ({ ...item, ...scopeOf(item.gridId) })) }));
        const params = new SqlParams();
        const campaignsJson = params.add(JSON.stringify(campaigns.map(({ items: _items, ...c }) => c)));
        const items = JSON.stringify(campaigns.flatMap((c) => c.items.map((item) => ({ ...item, campaign: c.index }))));
        const itemColumn = (property: string) => (property in columns ? `i."${property}"` : undefined);
        const columnOf = (property: string): Column | undefined =>
          property === 'items'
            ? { some: (condition, inner) => `exists (select 1 from json_to_recordset(${inner.add(items)}::json) as i("campaign" int, ${shape}) where i."campaign" = t."index" and ${conditionSql(condition, itemColumn, inner)})` }
            : property in columns ? `t."${property}"` : undefined;
        const where = scopeSql(ability, 'read', 'SpotCheckCampaign', columnOf, params);
        const { rows } = await client.query<{ index: number }>(
          `select t."index" from json_to_recordset(${campaignsJson}::json) as t("index" int, ${shape}) where ${where} order by 1`,
          params.values,
        );
        // CASL's matcher has no `$some` (the ORM filter is where it was ever read): the same rules
        // with Mongo's `$elemMatch`, "an element of the array matches", say what it means.
        const oracle = createMongoAbility(JSON.parse(JSON.stringify(ability.rules).replaceAll('"$some"', '"$elemMatch"')) as typeof ability.rules);
        const allowed = campaigns.filter((c) => oracle.can('read', subject('SpotCheckCampaign', { ...c }))).map((c) => c.index);
        expect(rows.map((r) => r.index)).toEqual(allowed);
        throughChecks += allowed.filter((index) => !oracle.can('read', subject('SpotCheckCampaign', { ...campaigns[index], items: [] }))).length;
      }),
      { numRuns: 100 },
    );
    // Some campaigns were readable only through a check in the caller's territory.
    expect(throughChecks).toBeGreaterThan(0);
  });

  it('fails closed on what it cannot write', () => {
    const ability = buildAbility({ ...sample(), role: Role.CITY_INSPECTOR });
    // Spot-check campaigns are read through their items ($some): a column map without the relation cannot say that.
    expect(() => scopeSql(ability, 'read', 'SpotCheckCampaign', (p) => `t."${p}"`, new SqlParams())).toThrow(UntranslatableCondition);
    // A property the table does not have is refused, never dropped.
    expect(() => scopeSql(ability, 'read', 'Case', () => undefined, new SqlParams())).toThrow(UntranslatableCondition);
  });
});

function scopeOf(gridId: number) {
  const unit = unitOf[gridId];
  return { cityId: unit.cityId, countyId: unit.countyId, townshipId: unit.townshipId };
}

function sample(): Principal {
  return {
    accountId: 1, login: 'x', displayName: 'x', role: Role.CITY_ADMIN, unitId: 1, unitLevel: GridLevel.CITY,
    unitScope: { cityId: 1, countyId: null, townshipId: null }, departmentId: null, departmentField: null,
    assignedGridIds: [], assignedTownshipIds: [], apiScopes: [], apiKey: null,
  };
}
