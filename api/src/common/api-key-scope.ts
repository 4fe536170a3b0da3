import { registerEnumType } from 'type-graphql';

// Here, not beside the ApiKey entity: the principal and the policies read it, and they sit below the modules.

/** What a third-party system may do with a key; each maps to policy lines for API_CLIENT. */
export enum ApiKeyScope {
  READ_GRIDS = 'READ_GRIDS',
  READ_DEPARTMENTS = 'READ_DEPARTMENTS',
  READ_SOURCES = 'READ_SOURCES',
  READ_CASES = 'READ_CASES',
  CREATE_COMPLAINTS = 'CREATE_COMPLAINTS',
}
registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: '接口权限: 读网格, 读部门, 读污染源, 读案件, 提交群众投诉',
});
