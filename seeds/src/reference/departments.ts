import type { GridNode } from '../generator/grid-tree';
import type { Scope } from '../generator/table';
import type { DepartmentFieldName } from '@gridwatch/domain';

/** The 17 city departments of the plan (市直部门) and the name of their county counterparts. */
export const CITY_DEPARTMENTS: ReadonlyArray<{ field: DepartmentFieldName; name: string; countySuffix: string }> = [
  { field: 'DEVELOPMENT_REFORM', name: '市发改委', countySuffix: '发改委' },
  { field: 'ECONOMY_IT', name: '市经信委', countySuffix: '经信委' },
  { field: 'AGRICULTURE', name: '市农委', countySuffix: '农业局' },
  { field: 'CONSTRUCTION', name: '市城乡建委', countySuffix: '建设局' },
  { field: 'PUBLIC_SECURITY', name: '市公安局', countySuffix: '公安局' },
  { field: 'FINANCE', name: '市财政局', countySuffix: '财政局' },
  { field: 'LAND', name: '市国土局', countySuffix: '国土局' },
  { field: 'TRANSPORT', name: '市交通局', countySuffix: '交通局' },
  { field: 'WATER', name: '市水务局', countySuffix: '水务局' },
  { field: 'FORESTRY_GARDENS', name: '市林园局', countySuffix: '林园局' },
  { field: 'COMMERCE', name: '市商务局', countySuffix: '商务局' },
  { field: 'PLANNING', name: '市规划局', countySuffix: '规划局' },
  { field: 'URBAN_MANAGEMENT', name: '市城管局', countySuffix: '城管局' },
  { field: 'ENVIRONMENT', name: '市环保局', countySuffix: '环保局' },
  { field: 'WORK_SAFETY', name: '市安监局', countySuffix: '安监局' },
  { field: 'MARKET_REGULATION', name: '市工商局', countySuffix: '工商局' },
  { field: 'LIVESTOCK_FISHERY', name: '市畜牧水产局', countySuffix: '畜牧水产局' },
];

export interface DepartmentRecord {
  id: number;
  scope: Scope;
  unitId: number;
  name: string;
  field: DepartmentFieldName;
}

function countyDepartmentName(unitShortName: string, suffix: string): string {
  // Districts and zones have a branch of the city's public security bureau (公安分局).
  if (suffix === '公安局' && !/[县市]$/.test(unitShortName)) return `${unitShortName}公安分局`;
  return unitShortName + suffix;
}

/** The office of a township as a responsible body: 镇/乡人民政府, 街道办事处, 管委会. */
export function townshipOfficeName(townshipName: string): string {
  const name = townshipName.replace(/\(示意\)$/, '');
  const marked = name === townshipName ? '' : '(示意)';
  if (/街道$/.test(name)) return `${name}办事处${marked}`;
  if (/[镇乡]$/.test(name)) return `${name}人民政府${marked}`;
  return (/管委会|管理委员会$/.test(name) ? name : `${name}管委会`) + marked;
}

/**
 * Departments of each city: its 17 city departments, 17 counterparts per level-2 unit, and
 * one township office per administrative township (urban grids get none: one per grid would
 * be far too many, and their streets are not grids).
 */
export function buildDepartments(grids: readonly GridNode[]): DepartmentRecord[] {
  const out: DepartmentRecord[] = [];
  const add = (unit: GridNode, name: string, field: DepartmentFieldName): void => {
    out.push({ id: out.length + 1, scope: unit, unitId: unit.id, name, field });
  };
  const cities = grids.filter((g) => g.level === 'CITY');
  for (const city of cities) {
    const ofCity = grids.filter((g) => g.cityId === city.id);
    const cityPrefix = city.cityIndex === 0 ? '' : city.name;
    for (const d of CITY_DEPARTMENTS) add(city, cityPrefix ? cityPrefix + d.name.slice(1) : d.name, d.field);
    for (const county of ofCity.filter((g) => g.level === 'COUNTY')) {
      for (const d of CITY_DEPARTMENTS) add(county, countyDepartmentName(county.unitShortName, d.countySuffix), d.field);
    }
    for (const township of ofCity.filter((g) => g.level === 'TOWNSHIP' && g.kind === 'ADMINISTRATIVE')) {
      add(township, townshipOfficeName(township.name), 'TOWNSHIP_OFFICE');
    }
  }
  return out;
}
