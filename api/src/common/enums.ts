import { registerEnumType } from 'type-graphql';

// Enums shared by several modules. Each is registered once for GraphQL; the Chinese
// term in the description is what users of the console know the value by.

export enum GridLevel {
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}
registerEnumType(GridLevel, {
  name: 'GridLevel',
  description: '网格层级 (四级网格): city 市, county 县区, township 乡镇街道/城市管理网格, village 村居社居',
});

export enum GridKind {
  ADMINISTRATIVE = 'ADMINISTRATIVE',
  URBAN_MANAGEMENT = 'URBAN_MANAGEMENT',
}
registerEnumType(GridKind, {
  name: 'GridKind',
  description: '网格类型: ADMINISTRATIVE 按行政区域划分; URBAN_MANAGEMENT 依托数字化城管网格划分',
});

/** Where a grid's boundary comes from: published, approximated (示意), or imported by an administrator. */
export enum BoundarySource {
  REAL = 'REAL',
  APPROXIMATED = 'APPROXIMATED',
  IMPORTED = 'IMPORTED',
}
registerEnumType(BoundarySource, {
  name: 'BoundarySource',
  description: '边界来源: REAL 公开的行政区划边界; APPROXIMATED 示意边界 (按中心点近似划分, 非权威); IMPORTED 管理员导入',
});

/** A department's field of duty (职能领域); the city's 17 departments and their county counterparts. */
export enum DepartmentField {
  DEVELOPMENT_REFORM = 'DEVELOPMENT_REFORM',
  ECONOMY_IT = 'ECONOMY_IT',
  AGRICULTURE = 'AGRICULTURE',
  CONSTRUCTION = 'CONSTRUCTION',
  PUBLIC_SECURITY = 'PUBLIC_SECURITY',
  FINANCE = 'FINANCE',
  LAND = 'LAND',
  TRANSPORT = 'TRANSPORT',
  WATER = 'WATER',
  FORESTRY_GARDENS = 'FORESTRY_GARDENS',
  COMMERCE = 'COMMERCE',
  PLANNING = 'PLANNING',
  URBAN_MANAGEMENT = 'URBAN_MANAGEMENT',
  ENVIRONMENT = 'ENVIRONMENT',
  WORK_SAFETY = 'WORK_SAFETY',
  MARKET_REGULATION = 'MARKET_REGULATION',
  LIVESTOCK_FISHERY = 'LIVESTOCK_FISHERY',
  TOWNSHIP_OFFICE = 'TOWNSHIP_OFFICE',
}
registerEnumType(DepartmentField, {
  name: 'DepartmentField',
  description:
    '部门职能: 发改 经信 农业 建设 公安 财政 国土 交通 水务 林园 商务 规划 城管 环保 安监 工商 畜水, 以及乡镇街道办',
});

/** The ten duty roles of 属地管理; what each may do is decided by the ability factory. */
export enum Role {
  CITY_ADMIN = 'CITY_ADMIN',
  CITY_INSPECTOR = 'CITY_INSPECTOR',
  CITY_DEPARTMENT = 'CITY_DEPARTMENT',
  PLATFORM_OPERATOR = 'PLATFORM_OPERATOR',
  COUNTY_ADMIN = 'COUNTY_ADMIN',
  COUNTY_DEPARTMENT = 'COUNTY_DEPARTMENT',
  OFFICER = 'OFFICER',
  TOWNSHIP_ADMIN = 'TOWNSHIP_ADMIN',
  GRID_WORKER = 'GRID_WORKER',
  API_CLIENT = 'API_CLIENT',
}
registerEnumType(Role, {
  name: 'Role',
  description:
    '角色: 市环保局管理员, 市级执法, 市直部门, 数字城管坐席, 县区环保局, 县区部门, 执法人员, 乡镇街道, 环保网格员, 第三方接口',
});
