import { Migration } from '@mikro-orm/migrations';
import { TENANT_ROLES } from '../../rls-sql';

/**
 * Grid divisions as administrators keep them (issue 18):
 * - `has_platform_set` is the explicit setting of a grid (null: inherited); `has_platform`
 *   stays the effective value every reader uses, kept by the grid service: the grid's own
 *   setting, else its township's, else its county's, else false. Until now only the 7 urban
 *   counties were set, so their grids answered false.
 * - `grid_history`: a grid's earlier code, name and parent with the time they held
 *   (valid_from/valid_to), written when a grid is renamed, recoded or moved; an old code is
 *   found through it. Its rows follow their grid under row-level security.
 */
export class Migration20261206010000_grid_divisions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "grid" add column "has_platform_set" boolean null, add column "valid_from" timestamptz null;`);
    this.addSql(`update "grid" set "has_platform_set" = true where "has_platform" and "level" in ('CITY', 'COUNTY');`);
    this.addSql(`update "grid" g set "has_platform_set" = true from "grid" c
      where g."has_platform" and g."level" in ('TOWNSHIP', 'VILLAGE') and c."id" = g."county_id" and not c."has_platform";`);
    this.addSql(`update "grid" g set "has_platform" = coalesce(g."has_platform_set", t."has_platform_set", c."has_platform_set", false)
      from "grid" g2 left join "grid" t on t."id" = g2."township_id" left join "grid" c on c."id" = g2."county_id"
      where g2."id" = g."id";`);

    this.addSql(`create table "grid_history" (
      "id" serial primary key,
      "grid_id" int not null references "grid" ("id") on update cascade,
      "code" varchar(24) not null,
      "name" varchar(100) not null,
      "parent_code" varchar(24) null,
      "valid_from" timestamptz null,
      "valid_to" timestamptz not null,
      "account_id" int null references "account" ("id") on update cascade on delete set null,
      "actor_name" varchar(60) null,
      "actor_role" "role" null
    );`);
    this.addSql(`create index "grid_history_grid_id_id_index" on "grid_history" ("grid_id", "id");`);
    this.addSql(`create index "grid_history_code_index" on "grid_history" ("code" varchar_pattern_ops);`);
    this.addSql(`alter table "grid_history" enable row level security;`);
    this.addSql(`alter table "grid_history" force row level security;`);
    this.addSql(`create policy grid_history_tenant on "grid_history" to ${TENANT_ROLES.join(', ')}
      using (exists (select 1 from grid g where g.id = grid_id)) with check (exists (select 1 from grid g where g.id = grid_id));`);
    this.addSql(`create policy grid_history_owner on "grid_history" to current_user using (true) with check (true);`);

    // Codes are unique over the whole grid: an import checks a new code against all of them.
    this.addSql(`create or replace function gw_grid_codes_taken(p_codes text[]) returns setof text
      language sql stable security definer set search_path = public as $$
        select code::text from grid where code = any(p_codes)
      $$;`);
    this.addSql(`revoke all on function gw_grid_codes_taken(text[]) from public;`);
    this.addSql(`grant execute on function gw_grid_codes_taken(text[]) to ${TENANT_ROLES.join(', ')};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists gw_grid_codes_taken(text[]);`);
    this.addSql(`drop table if exists "grid_history" cascade;`);
    this.addSql(`update "grid" set "has_platform" = coalesce("has_platform_set", false) where "level" in ('CITY', 'COUNTY');`);
    this.addSql(`alter table "grid" drop column "has_platform_set", drop column "valid_from";`);
  }
}
