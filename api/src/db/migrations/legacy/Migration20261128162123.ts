import { Migration } from '@mikro-orm/migrations';

export class Migration20261128162123 extends Migration {

  // Evidence: photos and documents of case steps (bytes on disk under their SHA-256), and
  // whether a category needs an after photo to close.
  override async up(): Promise<void> {
    this.addSql(`create type "evidence_stage" as enum ('REPORT', 'FEEDBACK', 'VERIFY');`);
    this.addSql(`create table "case_evidence" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "case_id" int not null, "grid_id" int not null, "stage" "evidence_stage" not null, "file_name" varchar(200) not null, "mime_type" varchar(60) not null, "size" int not null, "sha256" varchar(64) not null, "taken_at" timestamptz null, "lng" double precision null, "lat" double precision null, "uploaded_by_id" int null, "at" timestamptz not null);`);
    this.addSql(`create index "case_evidence_city_id_index" on "case_evidence" ("city_id");`);
    this.addSql(`create index "case_evidence_county_id_index" on "case_evidence" ("county_id");`);
    this.addSql(`create index "case_evidence_township_id_index" on "case_evidence" ("township_id");`);
    this.addSql(`create index "case_evidence_sha256_index" on "case_evidence" ("sha256");`);
    this.addSql(`create index "case_evidence_case_id_id_index" on "case_evidence" ("case_id", "id");`);

    this.addSql(`alter table "case_evidence" add constraint "case_evidence_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "case_evidence" add constraint "case_evidence_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_evidence" add constraint "case_evidence_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_evidence" add constraint "case_evidence_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade;`);
    this.addSql(`alter table "case_evidence" add constraint "case_evidence_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "case_evidence" add constraint "case_evidence_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "case_category" add column "requires_after_photo" boolean not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "case_evidence" cascade;`);

    this.addSql(`alter table "case_category" drop column "requires_after_photo";`);

    this.addSql(`drop type "evidence_stage";`);
  }

}
