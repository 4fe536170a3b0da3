import { readCsv, requireColumns } from '../csv';
import path from 'node:path';
import { DATA_DIR } from '../data-dir';
import { DEPARTMENT_FIELDS, type DepartmentFieldName } from '@gridwatch/domain';

/** A case category (案件类别) with its id in load order and every field legally responsible for it. */
export interface CaseCategory {
  id: number;
  code: string;
  name: string;
  defaultField: DepartmentFieldName;
  /** Fields whose departments handle the category (department_category); includes the default. */
  duties: DepartmentFieldName[];
}

export const CASE_CATEGORIES_FILE = 'case-categories.csv';
export const CATEGORY_DUTIES_FILE = 'category-duties.csv';

function asField(value: string, where: string): DepartmentFieldName {
  if (!(DEPARTMENT_FIELDS as readonly string[]).includes(value)) throw new Error(`${where}: unknown field ${value}`);
  return value as DepartmentFieldName;
}

export function loadCaseCategories(dir = DATA_DIR): CaseCategory[] {
  const categoriesFile = path.join(dir, CASE_CATEGORIES_FILE);
  const dutiesFile = path.join(dir, CATEGORY_DUTIES_FILE);
  const records = readCsv(categoriesFile);
  requireColumns(categoriesFile, records, ['code', 'name', 'default_field']);
  const duties = readCsv(dutiesFile);
  requireColumns(dutiesFile, duties, ['category_code', 'field']);

  const categories = records.map((r, i) => ({
    id: i + 1,
    code: r.code,
    name: r.name,
    defaultField: asField(r.default_field, `${categoriesFile} ${r.code}`),
    duties: [] as DepartmentFieldName[],
  }));
  const byCode = new Map(categories.map((c) => [c.code, c]));
  for (const d of duties) {
    const category = byCode.get(d.category_code);
    if (!category) throw new Error(`${dutiesFile}: unknown category ${d.category_code}`);
    category.duties.push(asField(d.field, `${dutiesFile} ${d.category_code}`));
  }
  for (const c of categories) {
    if (!c.duties.includes(c.defaultField)) throw new Error(`${dutiesFile}: ${c.code} lacks its default field`);
  }
  return categories;
}
