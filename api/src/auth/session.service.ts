import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes } from 'node:crypto';
import type { DepartmentField, GridLevel, Role } from '../common/enums';
import { UnauthenticatedError } from '../common/errors';
import type { Principal } from '../context/principal';
import type { RequestContext } from '../context/request-context';
import { Account } from '../modules/account/account.entity';
import { Session } from '../modules/account/session.entity';
import { verifyPassword } from './password';

export const SESSION_COOKIE = 'gw_session';
const SESSION_HOURS = 12;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface PrincipalRow {
  account_id: number;
  login: string;
  display_name: string;
  role: Role;
  unit_id: number;
  unit_level: GridLevel;
  city_id: number;
  county_id: number | null;
  township_id: number | null;
  department_id: number | null;
  department_field: DepartmentField | null;
  assigned: number[];
  assigned_townships: number[];
}

/** One statement: session → account → unit → department → attached grids. */
const PRINCIPAL_SQL = `
select a.id as account_id, a.login, a.display_name, a.role, a.unit_id, u.level as unit_level,
       u.city_id, u.county_id, u.township_id, a.department_id, d.field as department_field,
       coalesce(att.assigned, '{}') as assigned, coalesce(att.assigned_townships, '{}') as assigned_townships
from session s
join account a on a.id = s.account_id and a.active
join grid u on u.id = a.unit_id
left join department d on d.id = a.department_id
left join lateral (
  select array_agg(g.id) as assigned, array_agg(g.id) filter (where g.level = 'TOWNSHIP') as assigned_townships
  from grid g
  where g.id in (select grid_id from officer_grid where officer_id = a.officer_id
                 union select grid_id from grid_worker_grid where grid_worker_id = a.grid_worker_id)
) att on true
where s.token_hash = ? and s.revoked_at is null and s.expires_at > now()`;

export async function principalForToken(em: EntityManager, token: string): Promise<Principal | null> {
  const [row] = await em.execute<PrincipalRow[]>(PRINCIPAL_SQL, [tokenHash(token)]);
  if (!row) return null;
  return {
    accountId: row.account_id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    unitId: row.unit_id,
    unitLevel: row.unit_level,
    unitScope: { cityId: row.city_id, countyId: row.county_id, townshipId: row.township_id },
    departmentId: row.department_id,
    departmentField: row.department_field,
    assignedGridIds: row.assigned,
    assignedTownshipIds: row.assigned_townships,
  };
}

/** Checks the password and opens a new session (a fresh token every time: no fixation). */
export async function signIn(ctx: RequestContext, login: string, password: string): Promise<{ account: Account; token: string }> {
  const em = ctx.em.fork();
  em.setFilterParams('scope', { system: true });
  const account = await em.findOne(Account, { login, active: true });
  const ok = await verifyPassword(account?.passwordHash ?? null, password);
  if (!account || !ok) throw new UnauthenticatedError('Wrong login or password');
  const token = randomBytes(32).toString('base64url');
  em.persist(
    Object.assign(new Session(), {
      tokenHash: tokenHash(token),
      accountId: account.id,
      expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
    }),
  );
  await em.flush();
  return { account, token };
}

export async function revokeSession(em: EntityManager, token: string): Promise<void> {
  await em.nativeUpdate(Session, { tokenHash: tokenHash(token), revokedAt: null }, { revokedAt: new Date() });
}

export const sessionCookieOptions = {
  httpOnly: true,
  sameSite: 'lax' as const,
  path: '/',
  maxAge: SESSION_HOURS * 3600_000,
};
