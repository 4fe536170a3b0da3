import { Ctx, Query, Resolver } from 'type-graphql';
import { SignedIn } from '../../auth/requires';
import type { RequestContext } from '../../context/request-context';
import { exportService } from './export.service';
import { ExportListInfo } from './export.types';

@Resolver()
export class ExportResolver {
  @Query(() => [ExportListInfo], { description: '可导出的列表 (CSV/XLSX) 及其列; 只列出调用者可读的' })
  @SignedIn()
  exportLists(@Ctx() ctx: RequestContext): ExportListInfo[] {
    return exportService.describe(ctx);
  }
}
