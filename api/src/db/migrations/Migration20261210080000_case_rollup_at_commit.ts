import { Migration } from '@mikro-orm/migrations';

/** The columns whose change moves a case between rollup rows (the update trigger's column list). */
const COUNTED = ['status', 'category_id', 'city_id', 'county_id', 'township_id', 'grid_id', 'reported_at', 'due_at', 'closed_at'];
const changed = COUNTED.map((column) => `old.${column} is distinct from new.${column}`).join(' or ');

/**
 * The case-count rollups are applied when the case's transaction commits, as the KPI rollup is
 * since Migration20261210070000: their upserts lock the row of every unit on the case's path,
 * the city's included, and a transaction that moved a case and then ran on kept every other
 * case change of the city waiting until it ended. Deferred, the locks last only for the commit;
 * the rollup still changes in the case's transaction. A deferred row trigger sees each update's
 * own old and new row, so two updates of one case in a transaction still count once each way.
 * TRUNCATE stays immediate (constraint triggers are row triggers).
 */
export class Migration20261210080000_case_rollup_at_commit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop trigger case_rollup_insert_delete on "case";`);
    this.addSql(`drop trigger case_rollup_update on "case";`);
    this.addSql(`create constraint trigger case_rollup_insert_delete after insert or delete on "case" deferrable initially deferred
      for each row execute function gw_case_rollup_trigger();`);
    this.addSql(`create constraint trigger case_rollup_update after update of ${COUNTED.join(', ')} on "case" deferrable initially deferred
      for each row when (${changed}) execute function gw_case_rollup_trigger();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger case_rollup_insert_delete on "case";`);
    this.addSql(`drop trigger case_rollup_update on "case";`);
    this.addSql(`create trigger case_rollup_insert_delete after insert or delete on "case" for each row execute function gw_case_rollup_trigger();`);
    this.addSql(`create trigger case_rollup_update after update of ${COUNTED.join(', ')} on "case" for each row when (${changed}) execute function gw_case_rollup_trigger();`);
  }
}
