import type { Person } from '../../person/person.entity';
import { PERSON_SENSITIVE_FIELDS } from '../../person/person.policy';
import type { Grid } from '../../grid/grid.entity';
import type { RequestContext } from '../../../context/request-context';
import { gridColumn, idColumn, unitColumns } from '../export-columns';
import type { ExportColumn } from '../export-list';

/** What officers and grid workers share; `grids` is the person service's batched attachment loader. */
export function personColumns<T extends Person>(grids: (ctx: RequestContext, person: T) => Promise<Grid[]>, extra: ExportColumn<T>[]): ExportColumn<T>[] {
  return [
    { key: 'name', zh: '姓名', en: 'Name', value: (p) => p.name },
    ...extra,
    gridColumn<T>('employerCode', '用人单位编码', 'Employer code', (p) => p.employerUnitId, 'code'),
    gridColumn<T>('employer', '用人单位', 'Employer', (p) => p.employerUnitId, 'name'),
    ...unitColumns<T>(),
    { key: 'gridCodes', zh: '负责网格编码', en: 'Grid codes', value: async (p, ctx) => (await grids(ctx, p)).map((g) => g.code).join(' ') },
    { key: 'grids', zh: '负责网格', en: 'Grids', value: async (p, ctx) => (await grids(ctx, p)).map((g) => g.name).join('、') },
    // Personal phones only for the roles that may read them, as in the API.
    { key: 'phone', zh: '电话', en: 'Phone', value: (p, ctx) => (ctx.ability.can('read', p, PERSON_SENSITIVE_FIELDS[0]) ? p.phone : null) },
    { key: 'active', zh: '在岗', en: 'Active', type: 'boolean', value: (p) => p.active },
    idColumn(),
  ];
}
