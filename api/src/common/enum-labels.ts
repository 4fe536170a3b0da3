import type { DepartmentField, GridKind, GridLevel } from './enums';

export type Lang = 'zh' | 'en';

/** What a file shows for each value of an enum, per language (the console's wording). */
export interface EnumLabels<E extends string = string> {
  zh: Record<E, string>;
  en: Record<E, string>;
}

// Typed as Record<Enum, string>: a new enum value without a label does not compile.
export const labels = <E extends string>(zh: Record<E, string>, en: Record<E, string>): EnumLabels<E> => ({ zh, en });

export const GRID_LEVEL = labels<GridLevel>(
  { CITY: '市级', COUNTY: '县区级', TOWNSHIP: '乡镇街道级', VILLAGE: '村居级' },
  { CITY: 'City', COUNTY: 'County', TOWNSHIP: 'Township', VILLAGE: 'Village' },
);

export const GRID_KIND = labels<GridKind>(
  { ADMINISTRATIVE: '按行政区域', URBAN_MANAGEMENT: '城市管理网格' },
  { ADMINISTRATIVE: 'Administrative', URBAN_MANAGEMENT: 'Urban management' },
);

export const DEPARTMENT_FIELD = labels<DepartmentField>(
  {
    DEVELOPMENT_REFORM: '发展改革', ECONOMY_IT: '经济和信息化', AGRICULTURE: '农业', CONSTRUCTION: '城乡建设', PUBLIC_SECURITY: '公安',
    FINANCE: '财政', LAND: '国土资源', TRANSPORT: '交通运输', WATER: '水务', FORESTRY_GARDENS: '林业和园林', COMMERCE: '商务', PLANNING: '规划',
    URBAN_MANAGEMENT: '城市管理', ENVIRONMENT: '环境保护', WORK_SAFETY: '安全生产', MARKET_REGULATION: '工商 (市场监管)',
    LIVESTOCK_FISHERY: '畜牧水产', TOWNSHIP_OFFICE: '乡镇街道办',
  },
  {
    DEVELOPMENT_REFORM: 'Development and reform', ECONOMY_IT: 'Economy and IT', AGRICULTURE: 'Agriculture', CONSTRUCTION: 'Construction',
    PUBLIC_SECURITY: 'Public security', FINANCE: 'Finance', LAND: 'Land resources', TRANSPORT: 'Transport', WATER: 'Water',
    FORESTRY_GARDENS: 'Forestry and gardens', COMMERCE: 'Commerce', PLANNING: 'Planning', URBAN_MANAGEMENT: 'Urban management',
    ENVIRONMENT: 'Environment', WORK_SAFETY: 'Work safety', MARKET_REGULATION: 'Market regulation', LIVESTOCK_FISHERY: 'Livestock and fishery',
    TOWNSHIP_OFFICE: 'Township office',
  },
);

export const YES_NO = labels<'true' | 'false'>({ true: '是', false: '否' }, { true: 'Yes', false: 'No' });
