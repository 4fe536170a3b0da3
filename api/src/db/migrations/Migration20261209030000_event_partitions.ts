import { Migration } from '@mikro-orm/migrations';
import { levelPoliciesSql, TENANT_ROLES } from '../rls-sql';

/**
 * The case-event log partitioned by month of `at` (Beijing months), so old months can be
 * detached and archived (`pnpm events:archive`). Every row moves verbatim: ids, chain
 * sequence, hashes and the transaction ids are copied, not recomputed (no trigger on the new
 * table until the rows are in), so each chain stays byte-identical.
 *
 * - Keys include the partition key: primary key (id, at), unique (chain_key, chain_seq, at).
 *   Ids still come from the one sequence and the chain trigger still serialises each county's
 *   sequence on its head row, so neither repeats; the verifier flags a repeated seq as a gap.
 * - No foreign key references case_event (webhook_message.source_id names an event without
 *   one), so nothing else changes; its own foreign keys are declared on the parent.
 * - Row-level security: the level policies on the parent, forced. A partition is reached only
 *   through it: each has row-level security on and forced with no policy, and no tenant role
 *   holds a privilege on it (gw_case_event_secure_partition).
 * - A DEFAULT partition takes any row whose month has no partition yet (an injected clock,
 *   a test under faketime in 2033): gw_case_event_maintain moves such rows into their month
 *   and creates the months ahead (at start-up and daily, scheduler.ts; the seed for its range).
 * - The digest functions take the table's row type, so they are declared again, unchanged.
 */
export class Migration20261209030000_event_partitions extends Migration {
  override async up(): Promise<void> {
    const roles = TENANT_ROLES.join(', ');
    this.addSql(`lock table case_event in access exclusive mode;`);
    this.addSql(`create table case_event_partitioned (like case_event including defaults) partition by range (at);`);
    this.addSql(`create table case_event_default partition of case_event_partitioned default;`);
    this.archiveTables(roles);
    partitionFunctions(roles).forEach((sql) => this.addSql(sql));
    // One partition per month the rows fall in, created before the copy so no row lands in DEFAULT.
    this.addSql(`do $$ declare m date; begin
      for m in select distinct gw_beijing_month(at) from case_event order by 1 loop
        perform gw_case_event_ensure_month(m, 'case_event_partitioned');
      end loop;
    end $$;`);
    this.addSql(`insert into case_event_partitioned select * from case_event;`);

    // The old table goes with what hangs on it; the sequence stays (ids continue).
    this.addSql(`alter sequence case_event_id_seq owned by none;`);
    this.addSql(`drop function case_event_digest(text, case_event), case_event_digest_text(text, case_event);`);
    this.addSql(`drop table case_event;`);
    this.addSql(`alter table case_event_partitioned rename to case_event;`);
    this.addSql(`alter sequence case_event_id_seq owned by case_event.id;`);

    // Exactly as Migration20261128213300_event_digest_v2 and Migration20261206050000_chain_checkpoints declared them.
    this.addSql(`create function case_event_digest(prev text, e case_event) returns text language sql stable as $$
      select encode(sha256(convert_to((jsonb_build_array(
        prev, e.chain_key, e.chain_seq, e.id, e.case_id, e.grid_id, e.city_id, e.county_id, e.township_id,
        e.action, e.from_status, e.to_status, e.actor_id, e.actor_role, e.actor_unit_id,
        extract(epoch from e.at)::text, e.reason, e.note, e.details
      ) || case when e.digest_version is null then '[]'::jsonb
                else jsonb_build_array(e.digest_version, extract(epoch from e.due_at)::text) end)::text, 'UTF8')), 'hex')
    $$;`);
    this.addSql(`create function case_event_digest_text(prev text, e case_event) returns text language sql stable as $$
      select (jsonb_build_array(
        prev, e.chain_key, e.chain_seq, e.id, e.case_id, e.grid_id, e.city_id, e.county_id, e.township_id,
        e.action, e.from_status, e.to_status, e.actor_id, e.actor_role, e.actor_unit_id,
        extract(epoch from e.at)::text, e.reason, e.note, e.details
      ) || case when e.digest_version is null then '[]'::jsonb
                else jsonb_build_array(e.digest_version, extract(epoch from e.due_at)::text) end)::text
    $$;`);

    this.addSql(`alter table case_event add constraint case_event_pkey primary key (id, at);`);
    this.addSql(`alter table case_event add constraint case_event_chain_key_chain_seq_unique unique (chain_key, chain_seq, at);`);
    const indexes: [string, string][] = [
      ['case_event_city_id_index', 'city_id'],
      ['case_event_county_id_index', 'county_id'],
      ['case_event_township_id_index', 'township_id'],
      ['case_event_case_id_id_index', 'case_id, id'],
      ['case_event_tx_id_id_index', 'tx_id, id'],
      ['case_event_county_id_due_at_index', 'county_id, due_at'],
      ['case_event_county_id_at_index', 'county_id, at'],
    ];
    for (const [name, columns] of indexes) this.addSql(`create index ${name} on case_event (${columns});`);
    const keys: [string, string, string, string][] = [
      ['city_id', 'grid', '', ''],
      ['county_id', 'grid', 'on delete set null', ''],
      ['township_id', 'grid', 'on delete set null', ''],
      ['case_id', '"case"', '', ''],
      ['grid_id', 'grid', '', ''],
      ['actor_id', 'account', 'on delete set null', ''],
      ['actor_unit_id', 'grid', 'on delete set null', ''],
    ];
    for (const [column, table, onDelete] of keys) {
      this.addSql(`alter table case_event add constraint case_event_${column}_foreign foreign key (${column}) references ${table} (id) on update cascade ${onDelete};`);
    }
    this.addSql(`create statistics case_event_scope_dependencies (dependencies) on case_id, grid_id, city_id, county_id, township_id from case_event;`);

    levelPoliciesSql('case_event', 'grid_id').forEach((sql) => this.addSql(sql));
    // Appended only (Migration20261128170000_event_grants): select and insert, through the parent.
    this.addSql(`revoke update, delete, truncate, references, trigger on case_event from ${roles};`);
    this.addSql(`select gw_case_event_secure_partition(p.relid) from pg_partition_tree('case_event') p where p.isleaf;`);

    this.addSql(`create trigger case_event_chain before insert on case_event for each row execute function case_event_chain();`);
    this.addSql(`create trigger case_event_append_only before update or delete on case_event for each row execute function case_event_append_only();`);
    this.addSql(`create trigger case_event_outbox after insert on case_event for each row execute function gw_outbox_row('cn.gridwatch.case', 'action');`);
    // The outbox names the table a row came from: the partitioned table, not its month.
    this.addSql(`create or replace function gw_outbox_row() returns trigger
      language plpgsql security definer set search_path = public, pg_temp as $$
      declare v_row jsonb := to_jsonb(new);
      begin
        perform gw_webhook_outbox((select relname from pg_class where oid = coalesce(pg_partition_root(tg_relid), tg_relid)),
          tg_argv[0] || '.' || coalesce(lower(v_row->>tg_argv[1]), 'event'), v_row);
        return null;
      end $$;`);
  }

  private archiveTables(roles: string): void {
    // Months detached and archived (pnpm events:archive): the chain verifier stands in for
    // their events with each chain's archived runs (first and last seq, the hashes at both ends).
    this.addSql(`create table case_event_archive ("id" serial primary key, "month" date not null, "partition" text not null,
      "file" text not null, "sha256" varchar(64) not null, "rows" bigint not null, "archived_at" timestamptz not null, "restored_at" timestamptz null);`);
    this.addSql(`create unique index case_event_archive_month_unique on case_event_archive ("month") where restored_at is null;`);
    this.addSql(`create table case_event_archive_run ("archive_id" int not null references case_event_archive (id) on delete cascade,
      "chain_key" int not null, "first_seq" bigint not null, "last_seq" bigint not null, "first_prev_hash" varchar(64) not null,
      "last_hash" varchar(64) not null, "events" bigint not null, primary key ("archive_id", "chain_key", "first_seq"));`);
    this.addSql(`revoke all on case_event_archive, case_event_archive_run from ${roles};`);
  }

  override async down(): Promise<void> {
    throw new Error('the event partitions are not undone: restore a backup taken before them');
  }
}

/**
 * The partition upkeep, in the database so the API, the seed and the archive CLI share it
 * (each runs as the owner; no tenant role may execute them). Months are Beijing months.
 */
function partitionFunctions(roles: string): string[] {
  return [
    `create function gw_beijing_month(t timestamptz) returns date language sql immutable as $$
      select date_trunc('month', (t at time zone 'UTC') + interval '8 hours')::date $$;`,
    `create function gw_beijing_month_start(m date) returns timestamptz language sql immutable as $$
      select (m::timestamp - interval '8 hours') at time zone 'UTC' $$;`,
    `create function gw_case_event_partition_name(m date) returns text language sql immutable as $$
      select 'case_event_' || to_char(m, '"y"YYYY"m"MM') $$;`,
    // Reached only through the parent: no policy (deny), forced, and no privilege of a tenant role.
    `create function gw_case_event_secure_partition(p regclass) returns void language plpgsql as $$
      begin
        execute format('alter table %s enable row level security', p);
        execute format('alter table %s force row level security', p);
        execute format('revoke all on %s from ${roles}', p);
      end $$;`,
    // The month's partition, unless it exists or the month is archived. Rows of the month
    // waiting in DEFAULT move into it first (verbatim: the new table has no trigger yet).
    `create function gw_case_event_ensure_month(m date, parent regclass) returns boolean language plpgsql as $$
      declare
        v_name text := gw_case_event_partition_name(m);
        v_from timestamptz := gw_beijing_month_start(m);
        v_to timestamptz := gw_beijing_month_start((m + interval '1 month')::date);
        v_default regclass;
        v_waiting boolean;
      begin
        perform pg_advisory_xact_lock(hashtext('gw_case_event_partitions'));
        if to_regclass(v_name) is not null then return false; end if;
        if exists (select from case_event_archive a where a.month = m and a.restored_at is null) then return false; end if;
        select i.inhrelid::regclass into v_default from pg_inherits i join pg_class c on c.oid = i.inhrelid
         where i.inhparent = parent and pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
        if v_default is not null then
          execute format('select exists (select from %s where at >= $1 and at < $2)', v_default) into v_waiting using v_from, v_to;
        end if;
        if coalesce(v_waiting, false) then
          execute format('create table %I (like %s including defaults)', v_name, parent);
          execute format('alter table %s disable trigger case_event_append_only', v_default);
          execute format('with moved as (delete from %s where at >= $1 and at < $2 returning *) insert into %I select * from moved', v_default, v_name) using v_from, v_to;
          execute format('alter table %s enable trigger case_event_append_only', v_default);
          execute format('alter table %s attach partition %I for values from (%L) to (%L)', parent, v_name, v_from, v_to);
        else
          execute format('create table %I partition of %s for values from (%L) to (%L)', v_name, parent, v_from, v_to);
        end if;
        perform gw_case_event_secure_partition(v_name::regclass);
        return true;
      end $$;`,
    // The months from p_from's to p_to's, and every month with rows in DEFAULT; the partitions made.
    `create function gw_case_event_maintain(p_from timestamptz, p_to timestamptz) returns int language plpgsql as $$
      declare m date; v_months date[]; v_made int := 0;
      begin
        -- Read before the loop: moving rows alters case_event_default, which an open cursor would hold.
        v_months := array(select generate_series(gw_beijing_month(p_from), gw_beijing_month(p_to), interval '1 month')::date
          union select distinct gw_beijing_month(at) from case_event_default order by 1);
        foreach m in array v_months loop
          if gw_case_event_ensure_month(m, 'case_event') then v_made := v_made + 1; end if;
        end loop;
        return v_made;
      end $$;`,
    `revoke execute on function gw_case_event_secure_partition(regclass), gw_case_event_ensure_month(date, regclass), gw_case_event_maintain(timestamptz, timestamptz) from public;`,
  ];
}
