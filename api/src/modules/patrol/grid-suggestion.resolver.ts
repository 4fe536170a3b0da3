import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { PageSize } from '../../common/connection';
import type { RequestContext } from '../../context/request-context';
import { GeoPointInput } from '../grid/grid.inputs';
import { suggestGrids } from './grid-suggestion.service';
import { GridSuggestion } from './grid-suggestion.types';

/** The grid suggestion reads cases and check-ins near the point: it sits above grid, case and patrol, not in grid/. */
@Resolver()
export class GridSuggestionResolver {
  @Query(() => [GridSuggestion], { description: '按位置推荐所在网格 (上报、打卡时预选): 边界内的, 否则最近中心点, 否则附近记录所在网格; 仅本辖区' })
  @Requires('read', 'Grid')
  gridSuggestions(
    @Ctx() ctx: RequestContext,
    @Arg('location', () => GeoPointInput) location: GeoPointInput,
    @PageSize(3, 10, '至多条数 (1-10)') first: number,
  ): Promise<GridSuggestion[]> {
    return suggestGrids(ctx, location, first);
  }
}
