import { IsOptional, IsUrl, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { IsPhone } from '../../common/inputs';
import { GeoPointInput } from '../grid/grid.inputs';
import { DueState } from '../deadline/deadline.enums';
import { CaseChannel, CaseOrigin, CaseStatus, CaseUrgency } from './case.enums';

@InputType('ReportCaseInput', { description: '信息采集: 上报案件' })
export class ReportCaseInput {
  @Field(() => ID, { description: '所在网格' })
  gridId!: string;

  @Field(() => ID, { description: '案件类别' })
  categoryId!: string;

  @Field(() => CaseOrigin)
  origin!: CaseOrigin;

  @Field(() => CaseUrgency, { nullable: true, defaultValue: CaseUrgency.NORMAL })
  urgency?: CaseUrgency;

  @Field(() => String, { description: '问题描述' })
  @Length(5, 2000)
  description!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  address?: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput;

  @Field(() => String, { nullable: true, description: '附件链接 (http/https; 保存原样, 服务器不下载)' })
  @IsOptional()
  @MaxLength(500)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  mediaUrl?: string;

  @Field(() => ID, { nullable: true, description: '涉及的污染源' })
  sourceId?: string;

  @Field(() => String, { nullable: true, description: '投诉人姓名 (群众投诉)' })
  @IsOptional()
  @Length(1, 60)
  complainantName?: string;

  @Field(() => String, { nullable: true, description: '投诉人电话' })
  @IsPhone()
  complainantPhone?: string;

  @Field(() => CaseChannel, { nullable: true, description: '受理渠道 (仅群众投诉举报)' })
  @IsOptional()
  channel?: CaseChannel;

  @Field(() => String, { nullable: true, description: '工单号 (12345、12369 热线工单必填; 同一渠道内唯一)' })
  @IsOptional()
  @Matches(/^[\w.:/-]{1,40}$/)
  externalTicket?: string;

  @Field(() => String, {
    nullable: true,
    description: '幂等键 (如客户端生成的UUID): 超时重发得到同一案件; 同一键不同内容返回 CONFLICT',
  })
  @IsOptional()
  @Matches(/^[\w.:-]{8,80}$/)
  idempotencyKey?: string;
}

@InputType('CaseFilter')
export class CaseFilter {
  @Field(() => [CaseStatus], { nullable: true })
  status?: CaseStatus[];

  @Field(() => CaseOrigin, { nullable: true })
  origin?: CaseOrigin;

  @Field(() => ID, { nullable: true })
  categoryId?: string;

  @Field(() => ID, { nullable: true, description: '该网格及其下级' })
  withinId?: string;

  @Field(() => ID, { nullable: true })
  sourceId?: string;

  @Field(() => Date, { nullable: true, description: '上报时间起 (含)' })
  reportedFrom?: Date;

  @Field(() => Date, { nullable: true, description: '上报时间止 (不含)' })
  reportedTo?: Date;

  @Field(() => String, { nullable: true, description: '案件编号' })
  @IsOptional()
  @Length(1, 40)
  number?: string;

  @Field(() => String, { nullable: true, description: '检索: 案件编号、问题描述或地址中包含这段文字 (如 "20261127", "扬尘")' })
  @IsOptional()
  @Length(1, 100)
  search?: string;

  @Field(() => DueState, { nullable: true, description: '已超时 / 即将到期 (当前环节时限)' })
  due?: DueState;

  @Field(() => ID, { nullable: true, description: '当前办理单位 (本单位待办)' })
  handlingUnitId?: string;

  @Field(() => ID, { nullable: true, description: '在该单位的下级单位办理中的案件 (下级待办: 县区看各乡镇街道手中的案件)' })
  handledBelowId?: string;

  @Field(() => ID, { nullable: true, description: '牵头部门' })
  leadDepartmentId?: string;

  @Field(() => ID, { nullable: true, description: '上报人账号 (网格员的案件)' })
  reportedById?: string;

  @Field(() => CaseChannel, { nullable: true, description: '受理渠道' })
  channel?: CaseChannel;

  @Field(() => String, { nullable: true, description: '工单号' })
  @IsOptional()
  @Length(1, 40)
  externalTicket?: string;
}

export enum CaseOrder {
  REPORTED_DESC = 'REPORTED_DESC',
  REPORTED_ASC = 'REPORTED_ASC',
  DUE_ASC = 'DUE_ASC',
}
registerEnumType(CaseOrder, {
  name: 'CaseOrder',
  description: '排序: 上报时间 新→旧 / 旧→新, 时限 近→远 (DUE_ASC 只列出有当前环节时限的案件)',
});
