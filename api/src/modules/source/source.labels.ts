import { labels } from '../../common/enum-labels';
import type { SourceStatus, SourceType, SupervisionLevel } from './source.enums';

/** What the source enums read as in files (export and import alike). */

export const SOURCE_TYPE = labels<SourceType>(
  { ENTERPRISE: '企业', CONSTRUCTION_SITE: '建筑工地', RESTAURANT: '餐饮', LIVESTOCK_FARM: '畜禽养殖', AUTO_REPAIR: '汽修', OTHER: '其他' },
  { ENTERPRISE: 'Enterprise', CONSTRUCTION_SITE: 'Construction site', RESTAURANT: 'Restaurant', LIVESTOCK_FARM: 'Livestock farm', AUTO_REPAIR: 'Auto repair', OTHER: 'Other' },
);

export const SUPERVISION_LEVEL = labels<SupervisionLevel>(
  { KEY: '重点', GENERAL: '一般', SPECIAL: '特殊' },
  { KEY: 'Key', GENERAL: 'General', SPECIAL: 'Special' },
);

export const SOURCE_STATUS = labels<SourceStatus>(
  { PENDING: '待确认', ACTIVE: '在产', SUSPENDED: '停产', CLOSED: '关闭', REJECTED: '不予确认' },
  { PENDING: 'Pending', ACTIVE: 'Active', SUSPENDED: 'Suspended', CLOSED: 'Closed', REJECTED: 'Rejected' },
);
