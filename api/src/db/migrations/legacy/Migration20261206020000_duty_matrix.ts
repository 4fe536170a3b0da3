import { Migration } from '@mikro-orm/migrations';

/**
 * The legal-duty matrix (法定职责矩阵): case category × unit level → the field of the lead
 * department and of its partners. City-wide configuration (like time_limit), so no row-level
 * security. A database seeded before gets a matrix without holes from what it already knew
 * (each category's default field leads at city and county level, the township office at
 * township level); the seed brings the plan's full matrix.
 */
export class Migration20261206020000_duty_matrix extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "duty_role" as enum ('RESPONSIBLE', 'CO_RESPONSIBLE');`);
    this.addSql(`create table "duty_assignment" ("id" serial primary key, "category_id" int not null, "level" "grid_level" not null, "field" "department_field" not null, "role" "duty_role" not null);`);
    this.addSql(`alter table "duty_assignment" add constraint "duty_assignment_cell_field_unique" unique ("category_id", "level", "field");`);
    this.addSql(`create unique index "duty_assignment_one_lead" on "duty_assignment" ("category_id", "level") where "role" = 'RESPONSIBLE';`);
    this.addSql(`alter table "duty_assignment" add constraint "duty_assignment_category_id_foreign" foreign key ("category_id") references "case_category" ("id") on update cascade on delete cascade;`);
    this.addSql(`insert into "duty_assignment" ("category_id", "level", "field", "role")
      select c."id", l."level"::"grid_level", case when l."level" = 'TOWNSHIP' then 'TOWNSHIP_OFFICE'::"department_field" else c."default_field" end, 'RESPONSIBLE'
      from "case_category" c cross join (values ('CITY'), ('COUNTY'), ('TOWNSHIP')) as l("level") order by c."id", l."level";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "duty_assignment";`);
    this.addSql(`drop type if exists "duty_role";`);
  }
}
