/** The ten duty roles of 属地管理; what each may do is decided by the api's ability factory. */
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
export type RoleName = `${Role}`;

/** The people outside the office: they report, check in and verify, mostly on phones. */
export const FIELD_ROLES: readonly Role[] = [Role.GRID_WORKER, Role.OFFICER, Role.TOWNSHIP_ADMIN];
