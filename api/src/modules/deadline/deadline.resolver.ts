import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Requires } from '../../auth/requires';
import type { RequestContext } from '../../context/request-context';
import { CalendarDay } from './calendar-day.entity';
import { deadlineConfigService } from './deadline-config.service';
import { SetCalendarDayInput, SetTimeLimitInput } from './deadline.inputs';
import { TimeLimit } from './time-limit.entity';

@Resolver()
export class DeadlineResolver {
  @Query(() => [CalendarDay], { description: '节假日与调休工作日 (日期范围内)' })
  @Requires('read', 'CalendarDay')
  calendarDays(@Ctx() ctx: RequestContext, @Arg('from', () => String) from: string, @Arg('to', () => String) to: string): Promise<CalendarDay[]> {
    return deadlineConfigService.calendarDays(ctx, from, to);
  }

  @Query(() => [TimeLimit], { description: '市级时限配置 (未配置的使用内置默认值)' })
  @Requires('read', 'TimeLimit')
  timeLimits(@Ctx() ctx: RequestContext): Promise<TimeLimit[]> {
    return deadlineConfigService.timeLimits(ctx);
  }

  @Mutation(() => CalendarDay, { description: '新增或修改节假日/调休工作日' })
  @Requires('update', 'CalendarDay')
  setCalendarDay(@Ctx() ctx: RequestContext, @Arg('input', () => SetCalendarDayInput) input: SetCalendarDayInput): Promise<CalendarDay> {
    return deadlineConfigService.setCalendarDay(ctx, input);
  }

  @Mutation(() => TimeLimit, { description: '设置时限' })
  @Requires('update', 'TimeLimit')
  setTimeLimit(@Ctx() ctx: RequestContext, @Arg('input', () => SetTimeLimitInput) input: SetTimeLimitInput): Promise<TimeLimit> {
    return deadlineConfigService.setTimeLimit(ctx, input);
  }
}
