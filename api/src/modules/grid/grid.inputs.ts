import { NameText } from '../../common/name-text';
import { GraphQLJSONObject } from 'graphql-scalars';
import {
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { Field, Float, ID, InputType, registerEnumType } from 'type-graphql';
import { GridKind, GridLevel } from '../../common/enums';

@InputType('GeoPointInput')
export class GeoPointInput {
  @Field(() => Float)
  @Min(-180)
  @Max(180)
  lng!: number;

  @Field(() => Float)
  @Min(-90)
  @Max(90)
  lat!: number;
}

/** A GeoJSON Polygon or MultiPolygon with numeric [lng, lat] positions. */
function IsGeoJsonArea(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isGeoJsonArea',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must be a GeoJSON Polygon or MultiPolygon', ...options },
      validator: { validate: (value: unknown) => isGeoJsonArea(value) },
    });
}

function isPosition(value: unknown): boolean {
  return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}
function isRing(value: unknown): boolean {
  return Array.isArray(value) && value.length >= 4 && value.every(isPosition);
}
function isPolygon(value: unknown): boolean {
  return Array.isArray(value) && value.length >= 1 && value.every(isRing);
}
export function isGeoJsonArea(value: unknown): boolean {
  if (value == null) return true;
  const geometry = value as { type?: unknown; coordinates?: unknown };
  if (geometry.type === 'Polygon') return isPolygon(geometry.coordinates);
  if (geometry.type === 'MultiPolygon') {
    return Array.isArray(geometry.coordinates) && geometry.coordinates.length > 0 && geometry.coordinates.every(isPolygon);
  }
  return false;
}

const CODE = /^\d{12}(\d{2,3})?$/;
const CODE_MESSAGE = 'must be a 12-digit division code, or a street code plus a 2-3 digit sequence';

@InputType('CreateGridInput', { description: '新建网格 (下级网格的层级由上级决定)' })
export class CreateGridInput {
  @Field(() => ID, { description: '上级网格' })
  parentId!: string;

  @Field(() => String)
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @Field(() => String)
  @NameText()
  @Length(1, 100)
  name!: string;

  @Field(() => GridKind, { nullable: true, description: '默认同上级; 县区下可建城市管理网格' })
  kind?: GridKind;

  @Field(() => Boolean, { nullable: true, description: '数字化城管平台的显式设置; 不给: 继承上级' })
  @IsOptional()
  hasPlatform?: boolean | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @IsGeoJsonArea()
  boundary?: Record<string, unknown>;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  centroid?: GeoPointInput;
}

@InputType('UpdateGridInput', { description: '修改网格; 只改给出的字段' })
export class UpdateGridInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  code?: string;

  @Field(() => String, { nullable: true })
  @NameText()
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field(() => ID, { nullable: true, description: '调整上级 (同一层级之间; 不能移出本辖区)' })
  parentId?: string;

  @Field(() => Boolean, { nullable: true, description: '数字化城管平台的显式设置; null: 改为继承上级' })
  @IsOptional()
  hasPlatform?: boolean | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @IsGeoJsonArea()
  boundary?: Record<string, unknown>;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  centroid?: GeoPointInput;
}

@InputType('GridFilter')
export class GridFilter {
  @Field(() => GridLevel, { nullable: true })
  level?: GridLevel;

  @Field(() => GridKind, { nullable: true })
  kind?: GridKind;

  @Field(() => ID, { nullable: true, description: '直接下级 of this grid' })
  parentId?: string;

  @Field(() => ID, { nullable: true, description: 'This grid and everything below it' })
  withinId?: string;

  @Field(() => String, { nullable: true, description: '编码前缀或名称包含' })
  @IsOptional()
  @Length(1, 100)
  search?: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}

export enum GridOrder {
  CODE_ASC = 'CODE_ASC',
  NAME_ASC = 'NAME_ASC',
  CREATED_DESC = 'CREATED_DESC',
}
registerEnumType(GridOrder, { name: 'GridOrder', description: '排序' });
