import { packRules } from '@casl/ability/extra';
import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Public, Requires, SignedIn } from '../../auth/requires';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { accountChanged, principalForToken, SESSION_COOKIE, sessionCookieOptions, signIn } from '../../auth/session.service';
import { revokeSession, upgradeStaleHash } from './account-sessions';
import { actAs } from '../../context/create-context';
import { Role } from '../../common/enums';
import { loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Department } from '../department/department.entity';
import { Grid } from '../grid/grid.entity';
import { GridWorker } from '../person/grid-worker.entity';
import { Account } from './account.entity';
import { ChangePasswordInput, CreateAccountInput, UpdateAccountInput } from './account.inputs';
import { accountService } from './account.service';

const AccountConnection = ConnectionType(Account, 'Account');

@ObjectType('Me', { description: '当前登录账号, 其单位、角色与权限规则 (CASL packed rules)' })
export class Me {
  @Field(() => Account)
  account!: Account;

  @Field(() => Grid)
  unit!: Grid;

  @Field(() => Role)
  role!: Role;

  @Field(() => Department, { nullable: true, description: '部门账号所属部门 (本部门待办)' })
  department!: Department | null;

  @Field(() => GridWorker, { nullable: true, description: '网格员账号对应的网格员 (其负责的网格、巡查计划)' })
  gridWorker!: GridWorker | null;

  @Field(() => GraphQLJSON, { description: 'packRules(ability.rules): the console hides what is not allowed' })
  rules!: unknown;

  @Field(() => Date, { description: '服务器当前时间 (业务时钟): 控制台据此计算今天、本月, 而不是本机时钟' })
  serverTime!: Date;
}

async function currentAccount(ctx: RequestContext): Promise<Me | null> {
  if (!ctx.principal) return null;
  const account = await loadVisible(ctx, Account, ctx.principal.accountId);
  const unit = await loadVisible(ctx, Grid, ctx.principal.unitId);
  if (!account || !unit) return null;
  const department = await loadVisible(ctx, Department, ctx.principal.departmentId);
  const gridWorker = await loadVisible(ctx, GridWorker, account.gridWorkerId ?? null);
  return { account, unit, role: ctx.principal.role, department, gridWorker, rules: packRules(ctx.ability.rules), serverTime: ctx.clock.now() };
}

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Me, { nullable: true, description: '当前账号; 未登录为空' })
  @Public()
  me(@Ctx() ctx: RequestContext): Promise<Me | null> {
    return currentAccount(ctx);
  }

  @Mutation(() => Me, { nullable: true, description: '登录: 成功后设置 HttpOnly 会话 Cookie (每次登录都换新会话)' })
  @Public()
  async signIn(
    @Ctx() ctx: RequestContext,
    @Arg('login', () => String) login: string,
    @Arg('password', () => String) password: string,
  ): Promise<Me | null> {
    const { token, storedHash } = await signIn(ctx, login, password);
    if (ctx.sessionToken) {
      await revokeSession(ctx.em, ctx.sessionToken);
      if (ctx.principal?.accountId) accountChanged(ctx, ctx.principal.accountId);
    }
    ctx.http?.res.cookie(SESSION_COOKIE, token, { ...sessionCookieOptions, secure: ctx.http.req.secure });
    await actAs(ctx, await principalForToken(ctx.em, token));
    await upgradeStaleHash(ctx, password, storedHash);
    return currentAccount(ctx);
  }

  @Mutation(() => Boolean, { description: '修改自己的密码; 其他会话全部失效' })
  @SignedIn()
  changePassword(@Ctx() ctx: RequestContext, @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput): Promise<boolean> {
    return accountService.changePassword(ctx, input);
  }

  @Query(() => Account, { nullable: true, description: '按 ID 查账号' })
  @Requires('read', 'Account')
  account(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Account> {
    return accountService.byId(ctx, id);
  }

  @Query(() => AccountConnection, { description: '账号列表 (本辖区内)' })
  @Requires('read', 'Account')
  accounts(@Ctx() ctx: RequestContext, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return accountService.list(ctx, page);
  }

  @Mutation(() => Account, { description: '新建账号' })
  @Requires('create', 'Account')
  createAccount(@Ctx() ctx: RequestContext, @Arg('input', () => CreateAccountInput) input: CreateAccountInput): Promise<Account> {
    return accountService.create(ctx, input);
  }

  @Mutation(() => Account, { description: '修改账号' })
  @Requires('update', 'Account')
  updateAccount(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAccountInput) input: UpdateAccountInput,
  ): Promise<Account> {
    return accountService.update(ctx, id, input);
  }

  @Mutation(() => Account, { description: '停用账号 (会话全部失效)' })
  @Requires('deactivate', 'Account')
  deactivateAccount(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Account> {
    return accountService.deactivate(ctx, id);
  }

  @Mutation(() => Boolean, { description: '退出登录' })
  @SignedIn()
  async signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    if (ctx.sessionToken) {
      await revokeSession(ctx.em, ctx.sessionToken);
      if (ctx.principal?.accountId) accountChanged(ctx, ctx.principal.accountId);
    }
    ctx.http?.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  @FieldResolver(() => Grid, { nullable: true, description: '所属单位' })
  unit(@Ctx() ctx: RequestContext, @Root() account: Account): Promise<Grid | null> {
    return loadVisible(ctx, Grid, account.unitId);
  }

  @FieldResolver(() => Department, { nullable: true, description: '所属部门 (部门账号)' })
  department(@Ctx() ctx: RequestContext, @Root() account: Account): Promise<Department | null> {
    return loadVisible(ctx, Department, account.departmentId);
  }
}
