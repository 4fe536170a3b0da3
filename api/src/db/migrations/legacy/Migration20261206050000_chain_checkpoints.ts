import { Migration } from '@mikro-orm/migrations';
import { TENANT_ROLES, levelPoliciesSql } from '../../rls-sql';

/**
 * Chain checkpoints (issue 18): a third party verifies a county's event chain from the API.
 * - `case_event_digest_text` is the exact text `case_event_digest` hashes, so a reader can
 *   recompute each hash; it must stay in step with `case_event_digest` (a test compares them).
 * - `chain_signing_key` publishes the server's Ed25519 public keys; the private key lives in
 *   `server_secret`, which only the owner (the scheduler's login) can read.
 * - `chain_checkpoint` holds the signed heads, daily and on demand (one per county and head), written by the
 *   scheduler (owner) only and read under row-level security like the events themselves.
 */
export class Migration20261206050000_chain_checkpoints extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function case_event_digest_text(prev text, e case_event) returns text language sql stable as $$
      select (jsonb_build_array(
        prev, e.chain_key, e.chain_seq, e.id, e.case_id, e.grid_id, e.city_id, e.county_id, e.township_id,
        e.action, e.from_status, e.to_status, e.actor_id, e.actor_role, e.actor_unit_id,
        extract(epoch from e.at)::text, e.reason, e.note, e.details
      ) || case when e.digest_version is null then '[]'::jsonb
                else jsonb_build_array(e.digest_version, extract(epoch from e.due_at)::text) end)::text
    $$;`);

    this.addSql(`create table "server_secret" ("name" varchar(60) primary key, "value" text not null, "created_at" timestamptz not null default now());`);
    this.addSql(`revoke all on server_secret from ${TENANT_ROLES.join(', ')};`);

    this.addSql(`create table "chain_signing_key" ("id" serial primary key, "key_id" varchar(64) not null unique, "algorithm" varchar(20) not null, "public_key" text not null, "created_at" timestamptz not null default now());`);
    this.addSql(`revoke insert, update, delete on chain_signing_key from ${TENANT_ROLES.join(', ')};`);

    this.addSql(`create table "chain_checkpoint" ("id" serial primary key, "city_id" int not null references grid (id), "county_id" int not null references grid (id),
      "township_id" int null references grid (id), "grid_id" int not null references grid (id), "day" varchar(10) not null, "seq" bigint not null,
      "head_hash" varchar(64) not null, "key_id" varchar(64) not null, "payload" text not null, "signature" text not null, "signed_at" timestamptz not null);`);
    this.addSql(`create unique index "chain_checkpoint_county_id_seq_unique" on "chain_checkpoint" ("county_id", "seq");`);
    this.addSql(`create index "chain_checkpoint_city_id_index" on "chain_checkpoint" ("city_id");`);
    this.addSql(`revoke insert, update, delete on chain_checkpoint from ${TENANT_ROLES.join(', ')};`);
    levelPoliciesSql('chain_checkpoint', 'grid_id').forEach((sql) => this.addSql(sql));

    // On demand: the API role may enqueue the checkpoint job and nothing else of the job queue
    // (graphile-worker's schema is the owner's). False when no scheduler ever installed the queue.
    this.addSql(`create or replace function gw_request_chain_checkpoints() returns boolean
      language plpgsql volatile security definer set search_path = public, pg_temp as $$
      begin
        if to_regnamespace('graphile_worker') is null then return false; end if;
        perform graphile_worker.add_job('chain_checkpoints', '{}'::json, job_key => 'chain_checkpoints_on_demand');
        return true;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists gw_request_chain_checkpoints();`);
    this.addSql(`drop table if exists chain_checkpoint;`);
    this.addSql(`drop table if exists chain_signing_key;`);
    this.addSql(`drop table if exists server_secret;`);
    this.addSql(`drop function if exists case_event_digest_text(text, case_event);`);
  }
}
