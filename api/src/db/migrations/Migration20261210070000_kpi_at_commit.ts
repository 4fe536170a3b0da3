import { Migration } from '@mikro-orm/migrations';

/**
 * The KPI rollup is applied when the event's transaction commits, not when the event is
 * inserted: its upserts take the row locks of every unit on the case's path, the city's
 * included, and a transaction that wrote an event and then ran on (a slow import, a held
 * connection) kept every other event of the city waiting until it ended. Deferred, the locks
 * are held only for the commit itself; the rollup still changes in the event's transaction.
 *
 * Moving a month's rows out of DEFAULT (gw_case_event_ensure_month) is no change of the log:
 * the KPI trigger is off for the move like the append-only guard (before, each moved row took
 * its case's events out of the rollup, and a deferred trigger would refuse the ATTACH after it).
 */
export class Migration20261210070000_kpi_at_commit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop trigger case_kpi_change on case_event;`);
    this.addSql(`create constraint trigger case_kpi_change after insert or delete on case_event deferrable initially deferred
      for each row execute function gw_case_kpi_trigger();`);
    const [{ def }] = (await this.execute(`select pg_get_functiondef('gw_case_event_ensure_month(date, regclass)'::regprocedure) as def`)) as unknown as { def: string }[];
    const guarded = def.replace(/(execute format\('alter table %s (disable|enable) trigger case_event_append_only', v_default\);)/g, "$1 execute format('alter table %s $2 trigger case_kpi_change', v_default);");
    if (guarded === def) throw new Error('gw_case_event_ensure_month is not as Migration20261209030000_event_partitions left it');
    this.addSql(`${guarded};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger case_kpi_change on case_event;`);
    this.addSql(`create trigger case_kpi_change after insert or delete on case_event for each row execute function gw_case_kpi_trigger();`);
  }
}
