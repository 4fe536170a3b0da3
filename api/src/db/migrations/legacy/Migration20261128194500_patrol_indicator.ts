import { Migration } from '@mikro-orm/migrations';

/** 巡查频次完成率 (version 1): patrols done within plan / patrols the month's plans require. */
export class Migration20261128194500_patrol_indicator extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `insert into assessment_indicator (code, version, name, description, formula, unit, subject_types, position, created_at)
       values ('PATROL_COMPLETION_RATE', 1, '巡查频次完成率',
               '已巡查次数 / 应巡查次数: 考核期内各月巡查计划的要求次数之和; 已巡查按网格员在该网格内签到的不同日期计 (界外签到不计), 每个计划不超过其要求次数.',
               'rate(patrols_done, patrols_required)', 'PERCENT', '{GRID_WORKER,GRID,TOWNSHIP,COUNTY}'::assessment_subject_type[], 95,
               '2026-01-01T00:00:00+08:00');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from assessment_indicator where code = 'PATROL_COMPLETION_RATE' and version = 1;`);
  }
}
