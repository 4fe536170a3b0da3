import { Migration } from '@mikro-orm/migrations';

/**
 * Version 2 of the indicators whose figures for a person changed meaning: a grid worker's or
 * officer's 上报 and 核实 are now its own (by account), its case handling stays with its grids.
 * Same formulas; the descriptions say how each figure is attributed.
 */
// prettier-ignore
const DESCRIPTIONS: [string, string][] = [
  ['CLOSE_RATE', '结案数 / 应结案数. 应结案: 处置时限 (含批准的延期) 在考核期内的案件; 结案: 期末已结案. 网格员、执法人员按其网格的案件计 (处置由责任部门完成, 无法归于个人).'],
  ['VALID_REPORT_RATE', '期末未注销的上报 / 本期上报数. 网格员、执法人员: 本人账号上报的案件 (不论在哪个网格); 单位: 本单位的案件.'],
  ['ONTIME_VERIFY_RATE', '在核实时限内完成的核实 / 本期核实次数. 网格员、执法人员: 本人账号做的核实; 单位: 本单位案件的核实.'],
];
const AT = `'2026-11-28T00:00:00+08:00'`;

export class Migration20261128214500_person_attribution extends Migration {
  override async up(): Promise<void> {
    const q = (text: string) => `'${text.replaceAll("'", "''")}'`;
    for (const [code, description] of DESCRIPTIONS) {
      this.addSql(
        `insert into assessment_indicator (code, version, name, description, formula, unit, subject_types, position, created_at)
         select code, 2, name, ${q(description)}, formula, unit, subject_types, position, ${AT} from assessment_indicator where code = ${q(code)} and version = 1;`,
      );
      this.addSql(`update assessment_indicator set superseded_at = ${AT} where code = ${q(code)} and version = 1;`);
    }
  }

  override async down(): Promise<void> {
    for (const [code] of DESCRIPTIONS) {
      this.addSql(`delete from assessment_indicator where code = '${code}' and version = 2;`);
      this.addSql(`update assessment_indicator set superseded_at = null where code = '${code}' and version = 1;`);
    }
  }
}
