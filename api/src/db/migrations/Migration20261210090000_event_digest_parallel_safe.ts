import { Migration } from '@mikro-orm/migrations';

/**
 * The event digest is declared PARALLEL SAFE (it is: sha256, jsonb_build_array and casts of its
 * arguments, no table read, no write), so a whole-log verification may split its scan over
 * parallel workers. Declared without the mark it ran on one core; the seed load marked it safe
 * inside its own transaction for its chain check and still restores whatever it finds.
 */
export class Migration20261210090000_event_digest_parallel_safe extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter function case_event_digest(text, case_event) parallel safe;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter function case_event_digest(text, case_event) parallel unsafe;`);
  }
}
