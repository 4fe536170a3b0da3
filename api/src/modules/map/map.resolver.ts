import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { GridLevel } from '../../common/enums';
import type { RequestContext } from '../../context/request-context';
import { MapViewInput } from './map.inputs';
import { mapService } from './map.service';
import { MapArea, MapLayer } from './map.types';

/** The office map: boundaries and clustered layers, each bounded by the caller's territory. */
@Resolver()
export class MapResolver {
  @Query(() => [MapArea], { description: '地图: 某一层级单位的边界 (本辖区内, 可限定某网格之下)' })
  @Requires('read', 'Grid')
  mapAreas(
    @Ctx() ctx: RequestContext,
    @Arg('level', () => GridLevel) level: GridLevel,
    @Arg('withinId', () => ID, { nullable: true }) withinId?: string,
  ): Promise<MapArea[]> {
    return mapService.areas(ctx, level, withinId);
  }

  @Query(() => MapLayer, { description: '地图: 污染源图层 (本辖区全部, 视野内聚合)' })
  @Requires('read', 'PollutionSource')
  mapSources(@Ctx() ctx: RequestContext, @Arg('view', () => MapViewInput) view: MapViewInput): Promise<MapLayer> {
    return mapService.layer(ctx, 'sources', view);
  }

  @Query(() => MapLayer, { description: '地图: 案件图层 (本辖区全部, 视野内聚合)' })
  @Requires('read', 'Case')
  mapCases(@Ctx() ctx: RequestContext, @Arg('view', () => MapViewInput) view: MapViewInput): Promise<MapLayer> {
    return mapService.layer(ctx, 'cases', view);
  }

  @Query(() => MapLayer, { description: '地图: 巡查打卡图层 (本辖区全部, 视野内聚合)' })
  @Requires('read', 'PatrolCheckIn')
  mapCheckIns(@Ctx() ctx: RequestContext, @Arg('view', () => MapViewInput) view: MapViewInput): Promise<MapLayer> {
    return mapService.layer(ctx, 'checkIns', view);
  }
}
