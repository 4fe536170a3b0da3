/** A department's field of duty (职能领域): the city's 17 departments in the order of domain.md, then township offices. */
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
export type DepartmentFieldName = `${DepartmentField}`;

/** Every field, in declaration order. */
export const DEPARTMENT_FIELDS: readonly DepartmentField[] = Object.values(DepartmentField);

/** The fields of the city's and counties' bureaus: all but the township office. */
export const BUREAU_FIELDS: readonly DepartmentField[] = DEPARTMENT_FIELDS.filter((f) => f !== DepartmentField.TOWNSHIP_OFFICE);
