import { Field, Float, InputType, Int } from 'type-graphql';

@InputType('MapViewInput', { description: '地图视野: 经纬度范围与缩放级别 (决定聚合格子大小)' })
export class MapViewInput {
  @Field(() => Float, { description: '西边界经度' })
  minLng!: number;

  @Field(() => Float, { description: '南边界纬度' })
  minLat!: number;

  @Field(() => Float, { description: '东边界经度' })
  maxLng!: number;

  @Field(() => Float, { description: '北边界纬度' })
  maxLat!: number;

  @Field(() => Int, { description: '缩放级别 (0-22, 同 Web 墨卡托瓦片级别)' })
  zoom!: number;
}
