import { hashPassword, verifyPassword } from '../../auth/password';
import { accountChanged } from '../../auth/session.service';
import { revokeSessionsOf } from './account-sessions';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { Role } from '../../common/enums';
import { BadInputError, ConflictError, UnauthenticatedError } from '../../common/errors';
import { assertCan, assertPermittedFields, findVisible, findVisibleById } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Department } from '../department/department.entity';
import { Grid } from '../grid/grid.entity';
import { GridWorker } from '../person/grid-worker.entity';
import { Officer } from '../person/officer.entity';
import { Account } from './account.entity';
import type { ChangePasswordInput, CreateAccountInput, UpdateAccountInput } from './account.inputs';
import { ROLE_UNIT_LEVELS } from './account.policy';

/** The unit fits the role, and department or person links fit the unit. */
async function checkPlacement(ctx: RequestContext, account: Account, unit: Grid, input: { departmentId?: string }): Promise<void> {
  if (!ROLE_UNIT_LEVELS[account.role].includes(unit.level)) {
    throw new BadInputError(`A ${account.role} account belongs to a unit of level ${ROLE_UNIT_LEVELS[account.role].join(' or ')}`, [
      { field: 'unitId', message: `wrong level ${unit.level}` },
    ]);
  }
  const departmentRole = account.role === Role.CITY_DEPARTMENT || account.role === Role.COUNTY_DEPARTMENT;
  if (departmentRole && !input.departmentId && account.departmentId == null) {
    throw new BadInputError('Department accounts name their department', [{ field: 'departmentId', message: 'required' }]);
  }
  if (input.departmentId) {
    const department = await findVisible(ctx, Department, input.departmentId);
    if (department.unitId !== unit.id) throw new BadInputError('The department belongs to another unit', [{ field: 'departmentId', message: 'other unit' }]);
    account.departmentId = department.id;
  }
}

export const accountService = {
  byId: (ctx: RequestContext, id: string): Promise<Account> => findVisible(ctx, Account, id),

  list: (ctx: RequestContext, args: ConnectionArgs): Promise<Connection<Account>> => paginate(ctx.em, Account, {}, [{ login: 'asc' }], args),

  async create(ctx: RequestContext, input: CreateAccountInput): Promise<Account> {
    const unit = await findVisible(ctx, Grid, input.unitId);
    const account = Object.assign(new Account(), { ...unit.scope, unitId: unit.id, login: input.login, displayName: input.displayName, role: input.role });
    assertCan(ctx, 'create', account);
    await checkPlacement(ctx, account, unit, input);
    if (input.officerId) account.officerId = (await findVisible(ctx, Officer, input.officerId)).id;
    if (input.gridWorkerId) account.gridWorkerId = (await findVisible(ctx, GridWorker, input.gridWorkerId)).id;
    if (await ctx.em.count(Account, { login: input.login }, { filters: false })) {
      throw new ConflictError(`Login ${input.login} is taken`, { field: 'login' });
    }
    account.passwordHash = await hashPassword(input.password);
    await ctx.em.persistAndFlush(account);
    return account;
  },

  async update(ctx: RequestContext, id: string, input: UpdateAccountInput): Promise<Account> {
    const account = await findVisible(ctx, Account, id);
    assertCan(ctx, 'update', account);
    assertPermittedFields(ctx, 'update', account, input);
    const before = { role: account.role, unitId: account.unitId };
    if (input.displayName != null) account.displayName = input.displayName;
    if (input.role != null) account.role = input.role;
    const unit = input.unitId ? await findVisible(ctx, Grid, input.unitId) : await findVisibleById(ctx, Grid, account.unitId);
    Object.assign(account, { ...unit.scope, unitId: unit.id });
    // Checked again after the change: nobody grants above their rank or moves an account out of reach.
    assertCan(ctx, 'update', account);
    await checkPlacement(ctx, account, unit, input);
    if (before.role !== account.role || before.unitId !== account.unitId) {
      await revokeSessionsOf(ctx.em, account.id);
      accountChanged(ctx, account.id);
    }
    await ctx.em.flush();
    return account;
  },

  async deactivate(ctx: RequestContext, id: string): Promise<Account> {
    const account = await findVisible(ctx, Account, id);
    assertCan(ctx, 'deactivate', account);
    account.active = false;
    await revokeSessionsOf(ctx.em, account.id);
    accountChanged(ctx, account.id);
    await ctx.em.flush();
    return account;
  },

  /** Own password: the current one is required; every other session ends. */
  async changePassword(ctx: RequestContext, input: ChangePasswordInput): Promise<boolean> {
    const principal = ctx.principal;
    if (!principal?.accountId) throw new UnauthenticatedError();
    const [row] = await ctx.em.execute<{ password_hash: string }[]>('select password_hash from gw_login_account(?)', [principal.login]);
    if (!row || !(await verifyPassword(row.password_hash, input.currentPassword))) {
      throw new BadInputError('The current password is wrong', [{ field: 'currentPassword', message: 'wrong password' }]);
    }
    if (input.newPassword.toLowerCase().includes(principal.login.toLowerCase())) {
      throw new BadInputError('The new password must not contain the login', [{ field: 'newPassword', message: 'contains the login' }]);
    }
    await ctx.em.nativeUpdate(Account, { id: principal.accountId }, { passwordHash: await hashPassword(input.newPassword) }, { filters: false });
    await revokeSessionsOf(ctx.em, principal.accountId, ctx.sessionToken);
    accountChanged(ctx, principal.accountId);
    return true;
  },
};
