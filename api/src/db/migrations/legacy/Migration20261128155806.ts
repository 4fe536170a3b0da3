import { Migration } from '@mikro-orm/migrations';
import { rowLevelSecuritySql, tenantCondition } from '../../rls-sql';

/** API keys of third-party systems: a tenant table, found by prefix before any unit is known. */
export class Migration20261128155806 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "api_key_scope" as enum ('READ_GRIDS', 'READ_DEPARTMENTS', 'READ_SOURCES', 'READ_CASES', 'CREATE_COMPLAINTS');`);
    this.addSql(`create table "api_key" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(100) not null, "prefix" varchar(20) not null, "secret_hash" varchar(64) not null, "scopes" "api_key_scope"[] not null, "unit_id" int not null, "created_by_id" int null, "rate_limit_per_minute" int not null default 600, "expires_at" timestamptz null, "revoked_at" timestamptz null);`);
    this.addSql(`create index "api_key_city_id_index" on "api_key" ("city_id");`);
    this.addSql(`create index "api_key_county_id_index" on "api_key" ("county_id");`);
    this.addSql(`create index "api_key_township_id_index" on "api_key" ("township_id");`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);
    this.addSql(`create index "api_key_unit_id_index" on "api_key" ("unit_id");`);

    this.addSql(`alter table "api_key" add constraint "api_key_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "api_key" add constraint "api_key_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "api_key" add constraint "api_key_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "api_key" add constraint "api_key_unit_id_foreign" foreign key ("unit_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "api_key" add constraint "api_key_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade on delete set null;`);

    rowLevelSecuritySql('api_key', tenantCondition('unit_id')).forEach((sql) => this.addSql(sql));
    this.addSql(`create or replace function gw_api_key_principal(p_prefix text) returns table(
        id int, name text, secret_hash text, scopes text[], rate_limit_per_minute int, unit_id int, unit_level text,
        city_id int, county_id int, township_id int)
      language sql stable security definer set search_path = public as $$
        select k.id, k.name, k.secret_hash, k.scopes::text[], k.rate_limit_per_minute, k.unit_id, u.level::text,
               u.city_id, u.county_id, u.township_id
        from api_key k join grid u on u.id = k.unit_id
        where k.prefix = p_prefix and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
      $$;`);
    this.addSql(`revoke all on function gw_api_key_principal(text) from public;`);
    this.addSql(`grant execute on function gw_api_key_principal(text) to gridwatch_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists gw_api_key_principal(text);`);
    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop type "api_key_scope";`);
  }

}
