import { Migration } from '@mikro-orm/migrations';

/**
 * Assessment that closes (issue 18): a publication keeps a snapshot (the measured counts per
 * subject, the indicator versions with their formulas and sample rules) from which it recomputes
 * identically; an indicator may need a minimum sample (a measure's count) to rank a subject;
 * 街道 (STREET) subjects group a district's urban management grids by their street code.
 * Publications made before have no snapshot (null) and recompute from the record as before.
 */
export class Migration20261206030000_assessment_closes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "assessment_subject_type" add value if not exists 'STREET';`);
    this.addSql(`alter table "assessment" add column "snapshot" jsonb null;`);
    this.addSql(`alter table "assessment_indicator" add column "sample_measure" varchar(40) null, add column "min_sample" int null;`);
    this.addSql(`alter table "assessment_indicator" add constraint "assessment_indicator_sample_check" check ((sample_measure is null) = (min_sample is null) and (min_sample is null or min_sample > 0));`);
    // The shipped rates over due cases and the composite rank nobody on fewer than 5 due cases.
    this.addSql(`update "assessment_indicator" set sample_measure = 'due', min_sample = 5
      where created_by_id is null and version = 1 and code in ('CLOSE_RATE', 'ONTIME_CLOSE_RATE', 'ONTIME_CLOSE_RATE_EXCL_PARKED', 'REWORK_RATE', 'EXTENSION_RATE', 'ONTIME_HANDLING_RATE', 'COMPOSITE');`);
  }
}
