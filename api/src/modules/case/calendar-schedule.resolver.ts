import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Requires } from '../../auth/requires';
import type { RequestContext } from '../../context/request-context';
import { LoadCalendarScheduleInput } from '../deadline/deadline.inputs';
import { loadSchedule } from './calendar-schedule.service';
import { CalendarScheduleLoad } from './calendar-schedule.types';

/** Loading a year's schedule recomputes cases' provisional deadlines: it sits in case/, above deadline/. */
@Resolver()
export class CalendarScheduleResolver {
  @Mutation(() => CalendarScheduleLoad, { description: '导入一年的节假日安排 (CSV 或 ICS), 可先预览; 重算暂定时限并记入案件时间线' })
  @Requires('update', 'CalendarYear')
  async loadCalendarSchedule(@Ctx() ctx: RequestContext, @Arg('input', () => LoadCalendarScheduleInput) input: LoadCalendarScheduleInput): Promise<CalendarScheduleLoad> {
    const load = await loadSchedule(ctx, input);
    return {
      ...load,
      holidays: load.days.filter((d) => !d.working).length,
      workingDays: load.days.filter((d) => d.working).length,
      recomputed: load.moves.length,
      moves: load.moves.slice(0, 50),
    };
  }
}
