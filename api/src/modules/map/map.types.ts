import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { BoundarySource, GridLevel } from '../../common/enums';
import { GeoPoint } from '../grid/grid.entity';

@ObjectType('MapArea', { description: '地图上的一个单位: 边界与标注位置' })
export class MapArea {
  @Field(() => ID, { description: '网格' })
  id!: string;

  @Field(() => String, { description: '网格编码' })
  code!: string;

  @Field(() => String, { description: '名称' })
  name!: string;

  @Field(() => GridLevel)
  level!: GridLevel;

  @Field(() => GraphQLJSONObject, { description: '边界 (GeoJSON Polygon/MultiPolygon)' })
  boundary!: Record<string, unknown>;

  @Field(() => BoundarySource, { nullable: true, description: '边界来源 (APPROXIMATED: 示意)' })
  boundarySource!: BoundarySource | null;

  @Field(() => GeoPoint, { nullable: true, description: '标注位置 (网格中心点)' })
  labelPoint!: GeoPoint | null;
}

@ObjectType('MapCluster', { description: '地图上的一个聚合点: 一个格子里的记录数与平均位置' })
export class MapCluster {
  @Field(() => Int, { description: '记录数' })
  count!: number;

  @Field(() => Float, { description: '平均经度' })
  lng!: number;

  @Field(() => Float, { description: '平均纬度' })
  lat!: number;

  @Field(() => ID, { nullable: true, description: '只有一条记录时: 该记录' })
  recordId!: string | null;

  @Field(() => String, { nullable: true, description: '只有一条记录时: 名称或编号' })
  label!: string | null;
}

@ObjectType('MapLayer', { description: '地图的一个图层: 辖区内全部记录, 视野内按格子聚合 (不截断)' })
export class MapLayer {
  @Field(() => Int, { description: '辖区内记录总数' })
  total!: number;

  @Field(() => Int, { description: '无坐标的记录数 (不在地图上)' })
  unlocated!: number;

  @Field(() => Int, { description: '视野内的记录数 (各聚合点之和)' })
  inView!: number;

  @Field(() => [MapCluster], { description: '视野内的聚合点' })
  clusters!: MapCluster[];
}
