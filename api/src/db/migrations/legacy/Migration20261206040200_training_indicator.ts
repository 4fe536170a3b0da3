import { Migration } from '@mikro-orm/migrations';

/** 培训覆盖率 (version 1) over the training family's measures (assessment-families.sql.ts). */
export class Migration20261206040200_training_indicator extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `insert into assessment_indicator (code, version, name, description, formula, unit, subject_types, position, created_at)
       values ('TRAINING_COVERAGE_RATE', 1, '培训覆盖率',
               '参训人数 / 在岗人数: 考核对象 (按用人单位) 的在岗执法人员和环保网格员中, 考核期内 (北京时间日期) 至少参加一期培训 (任一级组织) 的比例. 人员在岗无历史记录, 按当前在岗计算.',
               'rate(trainees_trained, trainees)', 'PERCENT', '{TOWNSHIP,COUNTY}'::assessment_subject_type[], 99,
               '2026-01-01T00:00:00+08:00');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from assessment_indicator where code = 'TRAINING_COVERAGE_RATE' and version = 1;`);
  }
}
