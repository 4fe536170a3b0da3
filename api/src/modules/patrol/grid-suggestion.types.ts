import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Grid } from '../grid/grid.entity';

export enum GridSuggestionBasis {
  BOUNDARY = 'BOUNDARY',
  CENTROID = 'CENTROID',
  NEARBY_RECORD = 'NEARBY_RECORD',
}
registerEnumType(GridSuggestionBasis, {
  name: 'GridSuggestionBasis',
  description: '推荐依据',
  valuesConfig: {
    BOUNDARY: { description: '位置在网格边界内' },
    CENTROID: { description: '最近的网格中心点 (网格无边界时)' },
    NEARBY_RECORD: { description: '附近案件、巡查打卡所在的网格 (网格既无边界也无中心点时)' },
  },
});

@ObjectType('GridSuggestion', { description: '按位置推荐的网格' })
export class GridSuggestion {
  @Field(() => Grid)
  grid!: Grid;

  @Field(() => GridSuggestionBasis)
  basis!: GridSuggestionBasis;

  @Field(() => Float, { nullable: true, description: '距离 (米): 边界内为 0, 否则到中心点或最近记录的距离' })
  distanceMeters!: number | null;
}
