import { Migration } from '@mikro-orm/migrations';
import { levelPoliciesSql, TENANT_ROLES } from '../../rls-sql';

const SCOPE = `"city_id" int not null references grid (id), "county_id" int null references grid (id), "township_id" int null references grid (id)`;

/**
 * Notifications out (issue 22): webhook endpoints, the outbox and its delivery log.
 *
 * The outbox is written by triggers AFTER INSERT on case_event and case_alert, so every event
 * and alert, whichever code path inserts it, gets its outbox rows in the same transaction
 * (rolled back with it). One `webhook_message` per event heard by an endpoint of its
 * territory (none is kept when nobody listens); one `webhook_delivery` per matching
 * endpoint (its unit among the event's city/county/township, its type filter; a disabled
 * endpoint's wait until it is enabled again);
 * delivery jobs are queued in the same transaction when the job queue is installed (the
 * scheduler's minutely dispatch picks up anything queued before it was).
 *
 * The trigger functions are SECURITY DEFINER: a county's request must reach the city's
 * endpoint, which row-level security hides from it, and the job queue is the owner's.
 */
export class Migration20261207030000_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "webhook_endpoint" ("id" serial primary key, ${SCOPE}, "version" int not null default 1,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "unit_id" int not null references grid (id), "created_by_id" int null references account (id) on delete set null,
      "name" varchar(100) not null, "url" text not null, "secret" text not null, "event_types" text[] not null default '{}',
      "enabled" boolean not null default true, "failing_since" timestamptz null, "disabled_at" timestamptz null, "disabled_reason" text null);`);
    this.addSql(`create index "webhook_endpoint_unit_id_index" on "webhook_endpoint" ("unit_id");`);
    for (const level of ['city', 'county', 'township']) this.addSql(`create index "webhook_endpoint_${level}_id_index" on "webhook_endpoint" ("${level}_id");`);

    this.addSql(`create table "webhook_message" ("id" bigserial primary key, ${SCOPE}, "grid_id" int null references grid (id),
      "case_id" int null, "source" varchar(60) not null, "source_id" bigint not null, "type" varchar(100) not null,
      "at" timestamptz not null, "data" jsonb not null, unique ("source", "source_id"));`);
    for (const level of ['city', 'county', 'township']) this.addSql(`create index "webhook_message_${level}_id_index" on "webhook_message" ("${level}_id");`);

    this.addSql(`create table "webhook_delivery" ("id" bigserial primary key, ${SCOPE}, "unit_id" int not null references grid (id),
      "endpoint_id" int not null references webhook_endpoint (id) on delete cascade, "message_id" bigint not null references webhook_message (id),
      "type" varchar(100) not null, "event_at" timestamptz not null, "case_id" int null, "delivered" boolean not null default false, "attempts" int not null default 0, "next_attempt_at" timestamptz null,
      "last_attempt_at" timestamptz null, "last_status_code" int null, "last_error" text null, "last_duration_ms" int null,
      "delivered_at" timestamptz null, unique ("endpoint_id", "message_id"));`);
    // The drain's head: an endpoint's oldest undelivered message.
    this.addSql(`create index "webhook_delivery_pending_index" on "webhook_delivery" ("endpoint_id", "message_id") where not delivered;`);
    for (const level of ['city', 'county', 'township']) this.addSql(`create index "webhook_delivery_${level}_id_index" on "webhook_delivery" ("${level}_id");`);

    // The seam to the alert inbox: what the owner of a unit's integration must know (a disabled endpoint).
    this.addSql(`create table "owner_alert" ("id" serial primary key, ${SCOPE}, "unit_id" int not null references grid (id),
      "account_id" int null references account (id) on delete set null, "kind" varchar(40) not null, "subject" varchar(100) not null,
      "message" text not null, "at" timestamptz not null, "read_at" timestamptz null);`);
    for (const level of ['city', 'county', 'township']) this.addSql(`create index "owner_alert_${level}_id_index" on "owner_alert" ("${level}_id");`);

    for (const [table, anchor] of [['webhook_endpoint', 'unit_id'], ['webhook_message', 'grid_id'], ['webhook_delivery', 'unit_id'], ['owner_alert', 'unit_id']]) {
      levelPoliciesSql(table, anchor).forEach((sql) => this.addSql(sql));
    }

    // The signing secret is written by the API but read only by the owner (the delivery job): no tenant role selects it.
    const readable = ['id', 'city_id', 'county_id', 'township_id', 'version', 'created_at', 'updated_at', 'unit_id', 'created_by_id', 'name', 'url', 'event_types', 'enabled', 'failing_since', 'disabled_at', 'disabled_reason'];
    this.addSql(`revoke select on webhook_endpoint from ${TENANT_ROLES.join(', ')};`);
    this.addSql(`grant select (${readable.join(', ')}) on webhook_endpoint to ${TENANT_ROLES.join(', ')};`);

    // Queues an endpoint's drain (one job at a time per endpoint: its own queue), if the queue exists.
    this.addSql(`create or replace function gw_queue_webhook(p_endpoint int) returns boolean
      language plpgsql volatile security definer set search_path = public, pg_temp as $$
      begin
        if to_regnamespace('graphile_worker') is null then return false; end if;
        perform graphile_worker.add_job('webhook_deliver', json_build_object('endpointId', p_endpoint),
          queue_name => 'webhook_' || p_endpoint, job_key => 'webhook_deliver_' || p_endpoint, job_key_mode => 'replace');
        return true;
      end $$;`);

    this.addSql(`create or replace function gw_webhook_outbox(p_source text, p_type text, p_row jsonb) returns void
      language plpgsql volatile security definer set search_path = public, pg_temp as $$
      declare
        v_message bigint;
        v_endpoint int;
        v_city int := (p_row->>'city_id')::int;
        v_county int := (p_row->>'county_id')::int;
        v_township int := (p_row->>'township_id')::int;
      begin
        -- Nobody listens in this territory: nothing to keep (the hot path of every step stays one index probe).
        if not exists (select from webhook_endpoint w where w.unit_id in (v_city, v_county, v_township)) then return; end if;
        insert into webhook_message (city_id, county_id, township_id, grid_id, case_id, source, source_id, type, at, data)
        values (v_city, v_county, v_township, coalesce((p_row->>'grid_id')::int, (select c.grid_id from "case" c where c.id = (p_row->>'case_id')::int)),
          (p_row->>'case_id')::int, p_source, (p_row->>'id')::bigint, p_type, coalesce((p_row->>'at')::timestamptz, now()),
          p_row || jsonb_build_object('case_number', (select c.number from "case" c where c.id = (p_row->>'case_id')::int)))
        returning id into v_message;
        for v_endpoint in
          insert into webhook_delivery (city_id, county_id, township_id, unit_id, endpoint_id, message_id, type, event_at, case_id)
          select w.city_id, w.county_id, w.township_id, w.unit_id, w.id, m.id, m.type, m.at, m.case_id
          from webhook_endpoint w, webhook_message m
          where m.id = v_message
            and w.unit_id in (v_city, v_county, v_township)
            and (cardinality(w.event_types) = 0 or p_type = any(w.event_types))
          returning endpoint_id
        loop
          -- A disabled endpoint keeps its messages (sent, in order, once it is enabled again) but gets no job.
          continue when not (select enabled from webhook_endpoint where id = v_endpoint);
          perform gw_queue_webhook(v_endpoint);
        end loop;
      end $$;`);

    // One trigger function for every table that feeds the outbox: the type is `<prefix>.<lower(column)>`.
    // Another table joins with one line: create trigger … after insert on it … execute function gw_outbox_row('cn.gridwatch.x', 'kind').
    this.addSql(`create or replace function gw_outbox_row() returns trigger
      language plpgsql security definer set search_path = public, pg_temp as $$
      declare v_row jsonb := to_jsonb(new);
      begin
        perform gw_webhook_outbox(tg_table_name, tg_argv[0] || '.' || coalesce(lower(v_row->>tg_argv[1]), 'event'), v_row);
        return null;
      end $$;`);
    this.addSql(`create trigger case_event_outbox after insert on case_event for each row execute function gw_outbox_row('cn.gridwatch.case', 'action');`);
    this.addSql(`create trigger case_alert_outbox after insert on case_alert for each row execute function gw_outbox_row('cn.gridwatch.alert', 'kind');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists case_event_outbox on case_event;`);
    this.addSql(`drop trigger if exists case_alert_outbox on case_alert;`);
    this.addSql(`drop function if exists gw_outbox_row();`);
    this.addSql(`drop function if exists gw_webhook_outbox(text, text, jsonb); drop function if exists gw_queue_webhook(int);`);
    this.addSql(`drop table if exists owner_alert, webhook_delivery, webhook_message, webhook_endpoint;`);
  }
}
