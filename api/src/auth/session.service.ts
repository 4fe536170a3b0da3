import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes } from 'node:crypto';
import type { DepartmentField, GridLevel, Role } from '../common/enums';
import { UnauthenticatedError } from '../common/errors';
import type { Principal } from '../context/principal';
import type { RequestContext } from '../context/request-context';
import { verifyPassword } from './password';

export const SESSION_COOKIE = 'gw_session';
const SESSION_HOURS = 12;

export function tokenHash(token: string): string {
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

function principalOf(row: PrincipalRow): Principal {
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
    apiScopes: [],
    apiKey: null,
  };
}

export async function principalForToken(em: EntityManager, token: string): Promise<Principal | null> {
  // A security-definer function: the unit is not known yet, so row-level security would hide it.
  const [row] = await em.execute<PrincipalRow[]>('select * from gw_session_lookup(?)', [tokenHash(token)]);
  return row ? principalOf(row) : null;
}

/**
 * The session's principal with its unit bound to the transaction in the same statement (the
 * settings `actAs` writes), so a request spends one round trip on who it is, not two, and the
 * seconds the session has left (how long it may be kept in memory). No row (unknown, expired
 * or revoked session): nothing is set, and no tenant row is visible.
 */
export async function bindSessionPrincipal(em: EntityManager, digest: string): Promise<{ principal: Principal; secondsLeft: number } | null> {
  // The digest is a bound parameter, like every value: no SQL text is made from a caller's input.
  const [row] = await em.execute<(PrincipalRow & { seconds_left: number })[]>(
    `select p.*, gw_bind_unit(p.unit_level, p.unit_id, array_remove(array[p.city_id, p.county_id, p.township_id], null)) as bound_unit
     from gw_session_lookup(?) p`,
    [digest],
  );
  return row ? { principal: principalOf(row), secondsLeft: Number(row.seconds_left) } : null;
}

/**
 * Checks the password and opens a new session (a fresh token every time: no fixation).
 * Unknown login and wrong password fail alike, in comparable time; failures count
 * against the login and the IP address.
 */
export async function signIn(ctx: RequestContext, login: string, password: string): Promise<{ token: string; storedHash: string }> {
  const ip = ctx.http?.req.ip ?? 'unknown';
  await ctx.limits?.checkSignIn(login, ip);
  const [account] = await ctx.em.execute<{ id: number; password_hash: string }[]>('select * from gw_login_account(?)', [login]);
  const ok = await verifyPassword(account?.password_hash ?? null, password);
  if (!account || !ok) {
    await ctx.limits?.failedSignIn(login, ip);
    throw new UnauthenticatedError('Wrong login or password');
  }
  await ctx.limits?.succeededSignIn(login);
  const token = randomBytes(32).toString('base64url');
  // A session lives SESSION_HOURS of real time, by the database's clock that checks it
  // (gw_session_lookup), whatever business time the injected clock tells.
  await ctx.em.execute('insert into session (token_hash, account_id, created_at, expires_at) values (?, ?, now(), now() + make_interval(hours => ?))', [
    tokenHash(token),
    account.id,
    SESSION_HOURS,
  ]);
  return { token, storedHash: account.password_hash };
}

/** A change to who an account is (its sessions, role, unit, password): every process forgets its kept sessions. */
export function accountChanged(ctx: RequestContext, accountId: number): void {
  ctx.callerChanges.push(`account:${accountId}`);
}

export const sessionCookieOptions = {
  httpOnly: true,
  sameSite: 'lax' as const,
  path: '/',
  maxAge: SESSION_HOURS * 3600_000,
};
