import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { CaseEvent } from './case-event.entity';
import { eventActors } from './case.sql';

@ObjectType('CaseActor', { description: '经办人: 姓名、所在单位、所属部门' })
export class CaseActor {
  @Field(() => String, { description: '姓名 (账号显示名)' })
  name!: string;

  @Field(() => String, { description: '所在单位' })
  unit!: string;

  @Field(() => String, { nullable: true, description: '所属部门 (部门账号)' })
  department!: string | null;
}

@Resolver(() => CaseEvent)
export class CaseEventResolver {
  @FieldResolver(() => CaseActor, { nullable: true, description: '经办人 (系统自动的环节为空)' })
  actor(@Ctx() ctx: RequestContext, @Root() event: CaseEvent): Promise<CaseActor | null> {
    if (event.actorId == null) return Promise.resolve(null);
    const loader = ctx.loaders.get<number, CaseActor | null>('CaseEvent.actor', async (ids) => {
      const rows = await eventActors(ctx, ids);
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    });
    return loader.load(event.actorId);
  }
}
