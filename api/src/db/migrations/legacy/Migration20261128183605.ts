import { Migration } from '@mikro-orm/migrations';

export class Migration20261128183605 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "inspection_photo" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "grid_id" int not null, "file_name" varchar(200) not null, "mime_type" varchar(60) not null, "size" int not null, "sha256" varchar(64) not null, "taken_at" timestamptz null, "lng" double precision null, "lat" double precision null, "uploaded_by_id" int null, "at" timestamptz not null, "inspection_id" int not null);`);
    this.addSql(`create index "inspection_photo_city_id_index" on "inspection_photo" ("city_id");`);
    this.addSql(`create index "inspection_photo_county_id_index" on "inspection_photo" ("county_id");`);
    this.addSql(`create index "inspection_photo_township_id_index" on "inspection_photo" ("township_id");`);
    this.addSql(`create index "inspection_photo_sha256_index" on "inspection_photo" ("sha256");`);
    this.addSql(`create index "inspection_photo_inspection_id_id_index" on "inspection_photo" ("inspection_id", "id");`);

    this.addSql(`alter table "inspection_photo" add constraint "inspection_photo_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "inspection_photo" add constraint "inspection_photo_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "inspection_photo" add constraint "inspection_photo_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "inspection_photo" add constraint "inspection_photo_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "inspection_photo" add constraint "inspection_photo_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "account" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "inspection_photo" add constraint "inspection_photo_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inspection_photo" cascade;`);
  }

}
