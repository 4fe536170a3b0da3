import { Migration } from '@mikro-orm/migrations';

const UNITS = `{GRID,TOWNSHIP,COUNTY}`;

/** Coverage and activity indicators (version 1), over the measures of `assessment-families.ts`. */
// prettier-ignore
const INDICATORS: [string, string, string, string, string, number][] = [
  ['GRID_COVERAGE_RATE', '网格覆盖率',
    '已覆盖网格数 / 末级网格数: 考核对象下的末级网格 (无下级网格的乡镇街道、村社区网格) 中, 至少有一名在岗执法人员和一名在岗网格员的比例. 人员配备无历史记录, 按当前配备计算.',
    'rate(grids_staffed, grids_total)', UNITS, 96],
  ['KEY_SOURCE_INSPECTION_RATE', '重点源按频次检查率',
    '按频次检查的重点源数 / 重点污染源数: 期末在产的重点源中, 在考核期最后一日未超过检查频次 (含敏感时期加密) 的比例; 从未检查的按建档日起算.',
    'rate(key_sources_inspected, key_sources)', UNITS, 97],
  ['ACTIVE_RATE', '活跃率',
    '活跃天数 / 工作日数 (网格员): 考核期内周一至周五 (北京时间, 不含节假日调整) 中, 有界内巡查签到或本人账号上报案件的天数占比. 无在线记录, 以巡查和上报记录代替.',
    'rate(active_days, working_days)', `{GRID_WORKER}`, 98],
];

export class Migration20261128211400_coverage_activity_indicators extends Migration {
  override async up(): Promise<void> {
    const q = (text: string) => `'${text.replaceAll("'", "''")}'`;
    for (const [code, name, description, formula, types, position] of INDICATORS) {
      this.addSql(
        `insert into assessment_indicator (code, version, name, description, formula, unit, subject_types, position, created_at)
         values (${q(code)}, 1, ${q(name)}, ${q(description)}, ${q(formula)}, 'PERCENT', ${q(types)}::assessment_subject_type[], ${position}, '2026-01-01T00:00:00+08:00');`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`delete from assessment_indicator where code in (${INDICATORS.map(([code]) => `'${code}'`).join(', ')}) and version = 1;`);
  }
}
