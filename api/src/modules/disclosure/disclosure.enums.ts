import { registerEnumType } from 'type-graphql';

/** Fields of a closed case the city may publish beyond the always-public ones (category, county, township, days, 按期). */
export enum DisclosedField {
  /** The case number (案件编号). */
  NUMBER = 'NUMBER',
  /** The reporter's free text: it may hold personal data, so only when the city says so. */
  DESCRIPTION = 'DESCRIPTION',
  /** The unit that handled it. */
  HANDLING_UNIT = 'HANDLING_UNIT',
}

registerEnumType(DisclosedField, {
  name: 'DisclosedField',
  description: '可选公开字段',
  valuesConfig: {
    NUMBER: { description: '案件编号' },
    DESCRIPTION: { description: '问题描述 (自由文本, 可能含个人信息)' },
    HANDLING_UNIT: { description: '办理单位' },
  },
});
