import { Migration } from '@mikro-orm/migrations';

export class Migration20261128155947 extends Migration {

  // Tamper-evident timeline: a hash chain per county, an append-only case_event, and the
  // inserting transaction's id for a change feed in commit-safe order.
  override async up(): Promise<void> {
    this.addSql(`create table "case_event_chain" ("chain_key" int not null, "seq" bigint not null, "hash" varchar(64) not null, constraint "case_event_chain_pkey" primary key ("chain_key"));`);

    this.addSql(`alter table "case_event" add column "chain_key" int null, add column "chain_seq" bigint null, add column "prev_hash" varchar(64) null, add column "hash" varchar(64) null, add column "tx_id" bigint null;`);
    this.addSql(`create index "case_event_tx_id_id_index" on "case_event" ("tx_id", "id");`);
    this.addSql(`alter table "case_event" add constraint "case_event_chain_key_chain_seq_unique" unique ("chain_key", "chain_seq");`);

    // Hand-written (MikroORM does not manage functions or triggers). The digest covers every
    // column an event is read by; jsonb text and epoch numbers are canonical, so a verifier
    // recomputes exactly the same bytes.
    this.addSql(`create or replace function case_event_digest(prev text, e case_event) returns text language sql stable as $$
      select encode(sha256(convert_to(jsonb_build_array(
        prev, e.chain_key, e.chain_seq, e.id, e.case_id, e.grid_id, e.city_id, e.county_id, e.township_id,
        e.action, e.from_status, e.to_status, e.actor_id, e.actor_role, e.actor_unit_id,
        extract(epoch from e.at)::text, e.reason, e.note, e.details
      )::text, 'UTF8')), 'hex')
    $$;`);
    // Chains per county: the head row is locked until commit, so concurrent events of one
    // county are chained in commit order. SECURITY DEFINER: the chain table stays closed to the
    // application role (and to row-level security) while its inserts still chain.
    this.addSql(`create or replace function case_event_chain() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
      declare head_seq bigint; head_hash text;
      begin
        new.chain_key := coalesce(new.county_id, 0);
        insert into case_event_chain (chain_key, seq, hash) values (new.chain_key, 0, '') on conflict do nothing;
        select seq, hash into head_seq, head_hash from case_event_chain where chain_key = new.chain_key for update;
        new.chain_seq := head_seq + 1;
        new.prev_hash := head_hash;
        new.tx_id := pg_current_xact_id()::text::bigint;
        new.hash := case_event_digest(new.prev_hash, new);
        update case_event_chain set seq = new.chain_seq, hash = new.hash where chain_key = new.chain_key;
        return new;
      end $$;`);
    this.addSql(`create trigger case_event_chain before insert on case_event for each row execute function case_event_chain();`);
    // The timeline is append-only, for every role (a superuser can still switch triggers off,
    // which is what the chain verifier is there to catch).
    this.addSql(`create or replace function case_event_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'case_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger case_event_append_only before update or delete on case_event for each row execute function case_event_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists case_event_append_only on case_event;`);
    this.addSql(`drop trigger if exists case_event_chain on case_event;`);
    this.addSql(`drop function if exists case_event_append_only(), case_event_chain(), case_event_digest(text, case_event);`);
    this.addSql(`drop table if exists "case_event_chain" cascade;`);

    this.addSql(`drop index "case_event_tx_id_id_index";`);
    this.addSql(`alter table "case_event" drop constraint "case_event_chain_key_chain_seq_unique";`);
    this.addSql(`alter table "case_event" drop column "chain_key", drop column "chain_seq", drop column "prev_hash", drop column "hash", drop column "tx_id";`);
  }

}
