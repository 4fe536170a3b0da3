import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Requires } from '../../auth/requires';
import type { RequestContext } from '../../context/request-context';
import { MonthlyReportArgs } from './report.inputs';
import { reportService } from './report.service';
import { MonthlyReport } from './report.types';

@Resolver(() => MonthlyReport)
export class ReportResolver {
  @Query(() => MonthlyReport, {
    description: '月度统计报表 (市: 全市及各县区; 县区: 本县区): 案件按类别/来源/月末状态, 按期结案率, 巡查与检查覆盖, 抽查结果. XLSX: GET /report/monthly.xlsx?month=&unit=',
  })
  @Requires('read', 'MonthlyReport')
  monthlyReport(@Ctx() ctx: RequestContext, @Args(() => MonthlyReportArgs) args: MonthlyReportArgs): Promise<MonthlyReport> {
    return reportService.monthly(ctx, args.month, args.unitId);
  }
}
