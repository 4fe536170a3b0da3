import { DepartmentField } from '../../common/enums';
import { CaseStatus } from '../case/case.enums';
import { CLOSED_CASE_STATUSES } from '@gridwatch/domain';

// GeoReport v2 (https://wiki.open311.org/GeoReport_v2): the shapes of its answers, field for field.

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

/** An attribute of a service definition, field for field as GeoReport v2 names them. */
export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

/**
 * The one attribute every service takes: the grid (网格) the problem is in, by its code. The
 * grid archive has no boundaries to place a point in, so a channel that knows the grid names it
 * (`attribute[grid]=340122104008`); without it the nearest grid centre, else the key's own unit.
 */
export const GRID_ATTRIBUTE: Open311Attribute = {
  variable: true,
  code: 'grid',
  datatype: 'string',
  required: false,
  datatype_description: '网格编码 (12位统计用区划代码, 城市管理网格另加序号), 如 340122104008',
  order: 1,
  description: '所在网格',
};

export interface Open311Posted {
  service_request_id: string;
  service_notice: string | null;
  account_id: string | null;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface Open311Error {
  code: string;
  description: string;
}

/** A request's life ends with 结案, 评价 or 注销 (@gridwatch/domain's closed statuses); every other step is still open. */
export const CLOSED_STATUSES = CLOSED_CASE_STATUSES;

/** The step in the words the complainant's channel shows (status_notes). */
export const STEP_NOTES: Record<CaseStatus, string> = {
  [CaseStatus.REPORTED]: '已上报',
  [CaseStatus.FILED]: '已立案',
  [CaseStatus.CANCELLED]: '已注销',
  [CaseStatus.DISPATCHED]: '已派遣',
  [CaseStatus.IN_PROGRESS]: '处理中',
  [CaseStatus.EXTENSION_REQUESTED]: '延期待批',
  [CaseStatus.FED_BACK]: '已反馈',
  [CaseStatus.CLOSED]: '已结案',
  [CaseStatus.EVALUATED]: '已评价',
  [CaseStatus.PARKED]: '挂账',
};

/** Steps whose note names the department at work; the others name the handling unit, or nothing once ended. */
export const DEPARTMENT_STEPS = new Set<CaseStatus>([CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS, CaseStatus.EXTENSION_REQUESTED, CaseStatus.FED_BACK, CaseStatus.PARKED]);
export const UNIT_STEPS = new Set<CaseStatus>([CaseStatus.REPORTED, CaseStatus.FILED]);

/** A service's group: the field of duty its cases go to by default (派遣建议). */
export const FIELD_GROUPS: Record<DepartmentField, string> = {
  [DepartmentField.DEVELOPMENT_REFORM]: '发改',
  [DepartmentField.ECONOMY_IT]: '经信',
  [DepartmentField.AGRICULTURE]: '农业',
  [DepartmentField.CONSTRUCTION]: '建设',
  [DepartmentField.PUBLIC_SECURITY]: '公安',
  [DepartmentField.FINANCE]: '财政',
  [DepartmentField.LAND]: '国土',
  [DepartmentField.TRANSPORT]: '交通',
  [DepartmentField.WATER]: '水务',
  [DepartmentField.FORESTRY_GARDENS]: '林园',
  [DepartmentField.COMMERCE]: '商务',
  [DepartmentField.PLANNING]: '规划',
  [DepartmentField.URBAN_MANAGEMENT]: '城管',
  [DepartmentField.ENVIRONMENT]: '环保',
  [DepartmentField.WORK_SAFETY]: '安监',
  [DepartmentField.MARKET_REGULATION]: '工商',
  [DepartmentField.LIVESTOCK_FISHERY]: '畜水',
  [DepartmentField.TOWNSHIP_OFFICE]: '乡镇街道办',
};
