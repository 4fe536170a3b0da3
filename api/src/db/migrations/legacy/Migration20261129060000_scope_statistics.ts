import { Migration } from '@mikro-orm/migrations';

/**
 * A tenant row's scope columns follow from its parent (a source's county is its grid's county),
 * but PostgreSQL assumes independent columns: it took `grid_id = $1 and county_id = $2` to be
 * 8× more selective than `grid_id = $1` alone and answered each nested page by AND-ing the
 * county's whole index into a bitmap (Q4's sources: 1.3 ms per parent grid, 105 ms a request
 * on the city profile). Functional-dependency statistics tell the planner what the data says,
 * and it walks the parent's (parent, id) index instead.
 */
const STATISTICS: [name: string, table: string, columns: string][] = [
  ['grid_scope_dependencies', 'grid', 'parent_id, city_id, county_id, township_id'],
  ['pollution_source_scope_dependencies', 'pollution_source', 'grid_id, city_id, county_id, township_id'],
  ['case_scope_dependencies', '"case"', 'grid_id, source_id, city_id, county_id, township_id'],
  ['case_event_scope_dependencies', 'case_event', 'case_id, grid_id, city_id, county_id, township_id'],
  ['inspection_scope_dependencies', 'inspection', 'source_id, city_id, county_id, township_id'],
];

export class Migration20261129060000_scope_statistics extends Migration {
  override async up(): Promise<void> {
    for (const [name, table, columns] of STATISTICS) {
      this.addSql(`create statistics ${name} (dependencies) on ${columns} from ${table};`);
      // Statistics objects are empty until the table is analysed again.
      this.addSql(`analyze ${table};`);
    }
  }

  override async down(): Promise<void> {
    for (const [name] of STATISTICS) this.addSql(`drop statistics if exists ${name};`);
  }
}
