import { Migration } from '@mikro-orm/migrations';

/**
 * Hash-chain digest v2: the event's deadline (due_at, what the KPI 按期 measures compare
 * against) is covered too, with the version itself, so a v2 event cannot be passed off as v1.
 * Events chained before keep digest_version null and verify with the v1 digest as before.
 */
export class Migration20261128213300_event_digest_v2 extends Migration {
  override async up(): Promise<void> {
    // v1's array unchanged (`|| '[]'` leaves a jsonb array as it was), v2 appends to it.
    this.addSql(`create or replace function case_event_digest(prev text, e case_event) returns text language sql stable as $$
      select encode(sha256(convert_to((jsonb_build_array(
        prev, e.chain_key, e.chain_seq, e.id, e.case_id, e.grid_id, e.city_id, e.county_id, e.township_id,
        e.action, e.from_status, e.to_status, e.actor_id, e.actor_role, e.actor_unit_id,
        extract(epoch from e.at)::text, e.reason, e.note, e.details
      ) || case when e.digest_version is null then '[]'::jsonb
                else jsonb_build_array(e.digest_version, extract(epoch from e.due_at)::text) end)::text, 'UTF8')), 'hex')
    $$;`);
    this.addSql(`create or replace function case_event_chain() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
      declare head_seq bigint; head_hash text;
      begin
        new.chain_key := coalesce(new.county_id, 0);
        new.digest_version := 2;
        insert into case_event_chain (chain_key, seq, hash) values (new.chain_key, 0, '') on conflict do nothing;
        select seq, hash into head_seq, head_hash from case_event_chain where chain_key = new.chain_key for update;
        new.chain_seq := head_seq + 1;
        new.prev_hash := head_hash;
        new.tx_id := pg_current_xact_id()::text::bigint;
        new.hash := case_event_digest(new.prev_hash, new);
        update case_event_chain set seq = new.chain_seq, hash = new.hash where chain_key = new.chain_key;
        return new;
      end $$;`);
  }
}
