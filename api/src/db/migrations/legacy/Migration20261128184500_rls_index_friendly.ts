import { Migration } from '@mikro-orm/migrations';

/**
 * Row-level security that indexes can serve. `gw_visible` was a CASE over the caller's
 * level, which no index can answer: a list bounded by the policy alone read the whole table.
 * Now it is an OR of one equality per level (`county_id = gw_unit_id('COUNTY')`, the others
 * NULL for a county caller), which PostgreSQL inlines and answers with the scope columns'
 * indexes. Same rows: a level that does not match compares with NULL, which no row passes
 * (USING and WITH CHECK treat NULL as false). Every tenant policy calls gw_visible, so they
 * all change here; rls-sql.ts and the policies stay as they are.
 */
export class Migration20261128184500_rls_index_friendly extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function gw_unit_id(p_level text) returns int
      language sql stable as $$
        select case when split_part(current_setting('gw.unit', true), ':', 1) = p_level
          then split_part(current_setting('gw.unit', true), ':', 2)::int end
      $$;`);
    this.addSql(`create or replace function gw_visible(city int, county int, township int, anchor int) returns boolean
      language sql stable as $$
        select city = gw_unit_id('CITY') or county = gw_unit_id('COUNTY') or township = gw_unit_id('TOWNSHIP') or anchor = gw_unit_id('VILLAGE')
      $$;`);
  }
}
