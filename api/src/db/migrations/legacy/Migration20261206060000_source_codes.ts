import { Migration } from '@mikro-orm/migrations';
import { LEVEL_ROLES, SCOPE_LEVELS, scopeRole } from '../../rls-sql';

const OUTLET_COLUMN: Record<(typeof SCOPE_LEVELS)[number], string> = { CITY: 'city_id', COUNTY: 'county_id', TOWNSHIP: 'township_id', VILLAGE: 'grid_id' };

/**
 * Pollution sources by the national code rules (HJ 608-2017): a source's 22-character code
 * (credit code or H9 substitute + site number + letter), unique nationwide, and its discharge
 * outlets (DA001 air, DW001 water). Outlets carry their source's scope columns, so row-level
 * security is one equality per level role, like every tenant table since …rls_level_roles.
 * Sources already on file with a credit code get site 001 (one site per credit code so far).
 * The credit code is no longer unique: one unit may run several sites (the site number is
 * there for that), so the source code is the unique key and `gw_source_credit_codes_taken`
 * goes. `gw_source_codes_taken` answers which codes are registered anywhere, never where: a
 * code taken outside the caller's territory is then refused like any code it may not use.
 */
export class Migration20261206060000_source_codes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "pollution_source" add column "source_code" varchar(22) null;`);
    this.addSql(`alter table "pollution_source" add constraint "pollution_source_source_code_unique" unique ("source_code");`);
    this.addSql(`update "pollution_source" set "source_code" = "credit_code" || '001P' where "credit_code" is not null;`);
    this.addSql(`alter table "pollution_source" drop constraint "pollution_source_credit_code_unique";`);
    this.addSql(`create index "pollution_source_credit_code_index" on "pollution_source" ("credit_code");`);
    this.addSql(`drop function if exists gw_source_credit_codes_taken(text[]);`);

    this.addSql(`create table "discharge_outlet" (
      "id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null,
      "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "source_id" int not null, "grid_id" int not null, "code" varchar(5) not null, "name" varchar(100) not null);`);
    for (const column of ['city_id', 'county_id', 'township_id', 'grid_id', 'source_id']) {
      const table = column === 'source_id' ? 'pollution_source' : 'grid';
      // The nullable scope columns as MikroORM declares them (ScopedEntity): on delete set null.
      const onDelete = column === 'county_id' || column === 'township_id' ? ' on delete set null' : '';
      this.addSql(`alter table "discharge_outlet" add constraint "discharge_outlet_${column}_foreign" foreign key ("${column}") references "${table}" ("id") on update cascade${onDelete};`);
    }
    for (const column of ['city_id', 'county_id', 'township_id', 'grid_id']) {
      this.addSql(`create index "discharge_outlet_${column}_index" on "discharge_outlet" ("${column}");`);
    }
    this.addSql(`alter table "discharge_outlet" add constraint "discharge_outlet_source_id_code_unique" unique ("source_id", "code");`);

    this.addSql(`alter table "discharge_outlet" enable row level security;`);
    this.addSql(`alter table "discharge_outlet" force row level security;`);
    this.addSql(`create policy discharge_outlet_owner on "discharge_outlet" to current_user using (true) with check (true);`);
    for (const level of SCOPE_LEVELS) {
      const condition = `${OUTLET_COLUMN[level]} = gw_unit_id('${level}')`;
      this.addSql(`create policy discharge_outlet_${level.toLowerCase()} on "discharge_outlet" to ${scopeRole(level)} using (${condition}) with check (${condition});`);
    }

    this.addSql(`create or replace function gw_source_codes_taken(p_codes text[]) returns setof text
      language sql stable security definer set search_path = public as $$
        select source_code::text from pollution_source where source_code = any(p_codes)
      $$;`);
    this.addSql(`revoke all on function gw_source_codes_taken(text[]) from public;`);
    this.addSql(`grant execute on function gw_source_codes_taken(text[]) to gridwatch_app, ${LEVEL_ROLES.join(', ')};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists gw_source_codes_taken(text[]);`);
    this.addSql(`drop index if exists "pollution_source_credit_code_index";`);
    this.addSql(`alter table "pollution_source" add constraint "pollution_source_credit_code_unique" unique ("credit_code");`);
    this.addSql(`drop table if exists "discharge_outlet" cascade;`);
    this.addSql(`alter table "pollution_source" drop constraint if exists "pollution_source_source_code_unique";`);
    this.addSql(`alter table "pollution_source" drop column if exists "source_code";`);
  }
}
