import { Migration } from '@mikro-orm/migrations';
import { rowLevelSecuritySql, tenantCondition } from '../../rls-sql';

const ALL = `{GRID_WORKER,OFFICER,GRID,TOWNSHIP,COUNTY,DEPARTMENT}`;
const CASES = `{OFFICER,GRID,TOWNSHIP,COUNTY,DEPARTMENT,GRID_WORKER}`;
const REPORTERS = `{GRID_WORKER,OFFICER,GRID,TOWNSHIP,COUNTY}`;
const VERIFIERS = `{GRID_WORKER,GRID,TOWNSHIP,COUNTY}`;
const DISPATCHERS = `{TOWNSHIP,COUNTY}`;
const HANDLERS = `{DEPARTMENT,TOWNSHIP,COUNTY}`;

/** The indicators the product ships with (version 1); the city edits them as data. */
// prettier-ignore
const INDICATORS: [string, string, string, string, string, string, number][] = [
  ['CLOSE_RATE', '结案率', '结案数 / 应结案数. 应结案: 处置时限 (含批准的延期) 在考核期内的案件; 结案: 期末已结案.', 'rate(closed, due)', 'PERCENT', CASES, 10],
  ['ONTIME_CLOSE_RATE', '按期结案率', '按期结案数 / 应结案数; 按期: 结案时间不晚于处置时限. 缓办 (挂账) 计入分母.', 'rate(closed_on_time, due)', 'PERCENT', CASES, 20],
  ['ONTIME_CLOSE_RATE_EXCL_PARKED', '按期结案率 (剔除缓办)', '按期结案数 / (应结案数 - 期末缓办数): 挂账案件不计入分母.', 'rate(closed_on_time, due - parked)', 'PERCENT', CASES, 30],
  ['REWORK_RATE', '返工率', '应结案中核实不通过 (返工) 过的案件 / 应结案数.', 'rate(rework_cases, due)', 'PERCENT', CASES, 40],
  ['EXTENSION_RATE', '延期率', '应结案中批准过延期的案件 / 应结案数.', 'rate(extended, due)', 'PERCENT', CASES, 50],
  ['ONTIME_HANDLING_RATE', '按期处置率', '处置结果反馈不晚于处置时限的案件 / 应结案数 (责任部门).', 'rate(handled_on_time, due)', 'PERCENT', HANDLERS, 60],
  ['VALID_REPORT_RATE', '有效上报率', '期末未注销的上报 / 本期上报数 (网格员).', 'rate(valid_reports, reported)', 'PERCENT', REPORTERS, 70],
  ['ONTIME_VERIFY_RATE', '按时核实率', '在核实时限内完成的核实 / 本期核实次数 (网格员).', 'rate(verified_on_time, verifications)', 'PERCENT', VERIFIERS, 80],
  ['CORRECT_DISPATCH_RATE', '准确派遣率', '未被回退的派遣 / 本期派遣次数 (派遣单位).', 'rate(dispatches_correct, dispatches)', 'PERCENT', DISPATCHERS, 90],
  ['COMPOSITE', '综合指标值', '0-100 分: 结案率 30%, 按期结案率 30%, 按时核实率 20%, 有效上报率 20% (无数据的指标按满分计), 每返工一次扣 2 分, 每个延期案件扣 1 分; 本期无任何记录时为空.',
    'due + reported + verifications == 0 ? null : clamp(0.3 * ifnull(CLOSE_RATE, 100) + 0.3 * ifnull(ONTIME_CLOSE_RATE, 100) + 0.2 * ifnull(ONTIME_VERIFY_RATE, 100) + 0.2 * ifnull(VALID_REPORT_RATE, 100) - 2 * rework_count - extended, 0, 100)',
    'POINTS', ALL, 100],
];

/** Published assessments follow their unit under row-level security; the shipped indicators. */
export class Migration20261128181000_assessment extends Migration {
  override async up(): Promise<void> {
    rowLevelSecuritySql('assessment', tenantCondition('unit_id')).forEach((sql) => this.addSql(sql));
    const q = (text: string) => `'${text.replaceAll("'", "''")}'`;
    for (const [code, name, description, formula, unit, types, position] of INDICATORS) {
      this.addSql(
        `insert into assessment_indicator (code, version, name, description, formula, unit, subject_types, position, created_at)
         values (${q(code)}, 1, ${q(name)}, ${q(description)}, ${q(formula)}, ${q(unit)}, ${q(types)}::assessment_subject_type[], ${position}, '2026-01-01T00:00:00+08:00');`,
      );
    }
  }
}
