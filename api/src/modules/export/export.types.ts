import { Field, ObjectType } from 'type-graphql';

@ObjectType('ExportColumn', { description: '导出列' })
export class ExportColumnInfo {
  @Field(() => String, { description: 'Stable key; the import also accepts it as a header' })
  key!: string;

  @Field(() => String, { description: '中文表头 (默认)' })
  header!: string;

  @Field(() => String, { description: 'English header (lang=en)' })
  headerEn!: string;

  @Field(() => String, { description: 'text, number, datetime (Asia/Shanghai), boolean (是/否) or enum (translated)' })
  type!: string;
}

@ObjectType('ExportList', { description: '可导出的列表: GET <csvPath|xlsxPath>?filter=<JSON>&orderBy=<order>&lang=en' })
export class ExportListInfo {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: '名称' })
  title!: string;

  @Field(() => String)
  titleEn!: string;

  @Field(() => String, { description: 'e.g. /export/sources.csv (UTF-8 with BOM)' })
  csvPath!: string;

  @Field(() => String, { description: 'e.g. /export/sources.xlsx' })
  xlsxPath!: string;

  @Field(() => String, { description: 'The GraphQL input type the `filter` parameter takes, as JSON' })
  filterType!: string;

  @Field(() => String, { nullable: true, description: 'The GraphQL enum the `orderBy` parameter takes' })
  orderType!: string | null;

  @Field(() => [ExportColumnInfo])
  columns!: ExportColumnInfo[];
}
