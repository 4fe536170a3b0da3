import type { Department } from '../../department/department.entity';
import { DepartmentFilter } from '../../department/department.inputs';
import { departmentService } from '../../department/department.service';
import { DEPARTMENT_FIELD } from '../enum-labels';
import { gridColumn, idColumn, unitColumns } from '../export-columns';
import { defineExport } from '../export-list';

export const departmentsExport = defineExport<Department, DepartmentFilter>({
  name: 'departments',
  zh: '责任主体部门',
  en: 'Departments',
  subject: 'Department',
  filter: { type: DepartmentFilter, name: 'DepartmentFilter' },
  page: (ctx, filter, _order, page) => departmentService.list(ctx, filter, page),
  columns: [
    { key: 'name', zh: '名称', en: 'Name', value: (d) => d.name },
    { key: 'field', zh: '职能领域', en: 'Field', type: DEPARTMENT_FIELD, value: (d) => d.field },
    gridColumn('unitCode', '所属单位编码', 'Unit code', (d) => d.unitId, 'code'),
    gridColumn('unit', '所属单位', 'Unit', (d) => d.unitId, 'name'),
    ...unitColumns<Department>(),
    { key: 'categories', zh: '负责案件类别', en: 'Case categories', value: async (d, ctx) => (await departmentService.categories(ctx, d)).map((c) => c.name).join('、') },
    { key: 'active', zh: '在用', en: 'Active', type: 'boolean', value: (d) => d.active },
    idColumn(),
  ],
});
