import { Migration } from '@mikro-orm/migrations';

/** Where a grid's boundary comes from, so the map can mark approximated ones 示意. */
export class Migration20261208010000_grid_boundary_source extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "boundary_source" as enum ('REAL', 'APPROXIMATED', 'IMPORTED');`);
    this.addSql(`alter table "grid" add column "boundary_source" "boundary_source" null;`);
    // Boundaries on file before this column were entered by an administrator.
    this.addSql(`update "grid" set "boundary_source" = 'IMPORTED' where "boundary" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "grid" drop column "boundary_source";`);
    this.addSql(`drop type "boundary_source";`);
  }
}
