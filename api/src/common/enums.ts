import { registerEnumType } from 'type-graphql';
import { BoundarySource, DepartmentField, GridKind, GridLevel, Role } from '@gridwatch/domain';

// Enums shared by several modules, defined in @gridwatch/domain (seeds and the console use them
// too). Each is registered once for GraphQL here; the Chinese term in the description is what
// users of the console know the value by.

registerEnumType(GridLevel, {
  name: 'GridLevel',
  description: '网格层级 (四级网格): city 市, county 县区, township 乡镇街道/城市管理网格, village 村居社居',
});

registerEnumType(GridKind, {
  name: 'GridKind',
  description: '网格类型: ADMINISTRATIVE 按行政区域划分; URBAN_MANAGEMENT 依托数字化城管网格划分',
});

registerEnumType(BoundarySource, {
  name: 'BoundarySource',
  description: '边界来源: REAL 公开的行政区划边界; APPROXIMATED 示意边界 (按中心点近似划分, 非权威); IMPORTED 管理员导入',
});

registerEnumType(DepartmentField, {
  name: 'DepartmentField',
  description:
    '部门职能: 发改 经信 农业 建设 公安 财政 国土 交通 水务 林园 商务 规划 城管 环保 安监 工商 畜水, 以及乡镇街道办',
});

registerEnumType(Role, {
  name: 'Role',
  description:
    '角色: 市环保局管理员, 市级执法, 市直部门, 数字城管坐席, 县区环保局, 县区部门, 执法人员, 乡镇街道, 环保网格员, 第三方接口',
});

export { GridLevel, GridKind, BoundarySource, DepartmentField, Role };
