import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ChildConnectionArgs, ChildPage, ConnectionArgs, ConnectionType } from '../../common/connection';
import type { RequestContext } from '../../context/request-context';
import { Grid } from './grid.entity';
import { GridHistory as GridHistoryEntry } from './grid-history.entity';
import { CreateGridInput, GridFilter, GridOrder, UpdateGridInput } from './grid.inputs';
import { gridService } from './grid.service';
import { gridImportService } from './grid-import.service';
import { GridImportResultType } from './grid-import.types';
import { importGridBoundaries } from './grid-boundary-import.service';
import { GraphQLJSONObject } from 'graphql-scalars';

export const GridConnection = ConnectionType(Grid, 'Grid');

@Resolver(() => Grid)
export class GridResolver {
  @Query(() => Grid, { nullable: true, description: '按 ID 查网格' })
  @Requires('read', 'Grid')
  grid(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Grid> {
    return gridService.byId(ctx, id);
  }

  @Query(() => Grid, { nullable: true, description: '按编码查网格; 原编码 (调整前的编码) 也能查到现在的网格' })
  @Requires('read', 'Grid')
  gridByCode(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string): Promise<Grid | null> {
    return gridService.byCode(ctx, code);
  }

  @Query(() => GridConnection, { description: '网格列表 (本辖区内)' })
  @Requires('read', 'Grid')
  grids(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => GridFilter, { nullable: true }) filter: GridFilter | undefined,
    @Arg('orderBy', () => GridOrder, { nullable: true, defaultValue: GridOrder.CODE_ASC }) orderBy: GridOrder | undefined,
    @Info() info: GraphQLResolveInfo,
  ) {
    return gridService.list(ctx, filter, orderBy, page, info);
  }

  @FieldResolver(() => Grid, { nullable: true, description: '上级网格 (辖区外为空)' })
  parent(@Ctx() ctx: RequestContext, @Root() grid: Grid): Promise<Grid | null> {
    return gridService.parent(ctx, grid);
  }

  @FieldResolver(() => [Grid], { description: '各级上级网格, 自市级向下 (辖区外的省略)' })
  ancestors(@Ctx() ctx: RequestContext, @Root() grid: Grid): Promise<Grid[]> {
    return gridService.ancestors(ctx, grid);
  }

  @FieldResolver(() => [GridHistoryEntry], { description: '网格历史: 更名、改码、调整上级前的状态, 新的在前' })
  history(@Ctx() ctx: RequestContext, @Root() grid: Grid): Promise<GridHistoryEntry[]> {
    return gridService.history(ctx, grid);
  }

  @FieldResolver(() => GridConnection, { description: '直接下级网格' })
  children(@Ctx() ctx: RequestContext, @Root() grid: Grid, @ChildPage() page: ChildConnectionArgs, @Info() info: GraphQLResolveInfo) {
    return gridService.children(ctx, grid, page, info);
  }

  @Mutation(() => Grid, { description: '新建下级网格' })
  @Requires('create', 'Grid')
  createGrid(@Ctx() ctx: RequestContext, @Arg('input', () => CreateGridInput) input: CreateGridInput): Promise<Grid> {
    return gridService.create(ctx, input);
  }

  @Mutation(() => Grid, { description: '修改网格' })
  @Requires('update', 'Grid')
  updateGrid(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateGridInput) input: UpdateGridInput,
  ): Promise<Grid> {
    return gridService.update(ctx, id, input);
  }

  @Mutation(() => GridImportResultType, {
    description:
      '网格划分导入 (CSV 文本; 较大文件或 XLSX 用 POST /import/grids): 一次校验全部行, 列出全部错误; 有错误或试运行时不写入任何数据',
  })
  @Requires('update', 'Grid')
  importGridDivisions(
    @Ctx() ctx: RequestContext,
    @Arg('csv', () => String, { description: '网格划分表 CSV: 网格编码,名称,层级,上级网格编码[,网格类型,示意划分,平台设置,原编码]' }) csv: string,
    @Arg('dryRun', () => Boolean, { defaultValue: true, description: '试运行 (只校验, 默认)' }) dryRun: boolean,
  ): Promise<GridImportResultType> {
    return gridImportService.import(ctx, Buffer.from(csv, 'utf8'), dryRun) as Promise<GridImportResultType>;
  }

  @Mutation(() => [Grid], {
    description:
      '边界导入 (GeoJSON FeatureCollection, 每个要素的 properties.code 为网格编码): 市管理员导入全部, 县区管理员导入本县区下级网格; 全部校验, 有错误时不写入 (BAD_USER_INPUT, extensions.features 列出每个要素的原因); 导入的边界来源为 IMPORTED',
  })
  @Requires('update', 'Grid')
  importGridBoundaries(
    @Ctx() ctx: RequestContext,
    @Arg('collection', () => GraphQLJSONObject, { description: 'GeoJSON FeatureCollection (Polygon/MultiPolygon)' }) collection: Record<string, unknown>,
  ): Promise<Grid[]> {
    return importGridBoundaries(ctx, collection);
  }

  @Mutation(() => Grid, { description: '撤销网格 (须先撤销其下级)' })
  @Requires('deactivate', 'Grid')
  deactivateGrid(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Grid> {
    return gridService.deactivate(ctx, id);
  }
}
