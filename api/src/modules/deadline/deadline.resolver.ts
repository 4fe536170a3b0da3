import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Requires } from '../../auth/requires';
import type { RequestContext } from '../../context/request-context';
import { CalendarDay } from './calendar-day.entity';
import { CalendarYear } from './calendar-year.entity';
import { calendarWarnings } from './calendar-warnings';
import { CalendarWarning } from './calendar-schedule.types';
import { deadlineConfigService } from './deadline-config.service';
import { SetCalendarDayInput, SetTimeLimitInput } from './deadline.inputs';
import { TimeLimit } from './time-limit.entity';
import { TimeLimitSetting } from './time-limit.types';

@Resolver()
export class DeadlineResolver {
  @Query(() => [CalendarDay], { description: '节假日与调休工作日 (日期范围内)' })
  @Requires('read', 'CalendarDay')
  calendarDays(@Ctx() ctx: RequestContext, @Arg('from', () => String) from: string, @Arg('to', () => String) to: string): Promise<CalendarDay[]> {
    return deadlineConfigService.calendarDays(ctx, from, to);
  }

  @Query(() => [CalendarYear], { description: '已导入节假日安排的年份; 未列出的年份时限为暂定' })
  @Requires('read', 'CalendarYear')
  calendarYears(@Ctx() ctx: RequestContext): Promise<CalendarYear[]> {
    return ctx.em.find(CalendarYear, {}, { orderBy: { year: 'asc' } });
  }

  @Query(() => [CalendarWarning], { description: '日历提醒: 今年 (11 月 1 日起含明年) 尚未导入节假日安排' })
  @Requires('read', 'CalendarYear')
  calendarWarnings(@Ctx() ctx: RequestContext): Promise<CalendarWarning[]> {
    return calendarWarnings(ctx.em, ctx.clock.now());
  }

  @Query(() => [TimeLimitSetting], { description: '生效的时限: 全部内置默认值 (或替换它的市级覆盖) 与其他市级覆盖, 注明来源与默认值' })
  @Requires('read', 'TimeLimit')
  timeLimits(@Ctx() ctx: RequestContext): Promise<TimeLimitSetting[]> {
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
