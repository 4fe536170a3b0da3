import type { AuthProvider, UserIdentity } from 'react-admin';
import { apolloClient } from '../apollo';
import { syncServerTime } from '../common/clock';
import { cursorBook } from '../data/cursors';
import { errorCodeOf, toHttpError } from '../data/errors';
import { abilityFrom, actionOf, subjectOf, type AppAbility } from './ability';
import { keepMe, keptMe } from '../field/snapshot';
import { ME, SIGN_IN, SIGN_OUT, type Me } from './me';
import { forgetLapse, markSignedIn, reportUnauthenticated } from './sessionLapse';

let current: { me: Me; ability: AppAbility } | null = null;
let pending: Promise<Me | null> | null = null;

function remember(me: Me | null): Me | null {
  if (me?.account.id !== current?.me.account.id) cursorBook.clear();
  syncServerTime(me?.serverTime);
  keepMe(me);
  current = me ? { me, ability: abilityFrom(me.rules) } : null;
  if (me) markSignedIn(true);
  return me;
}

/** Without a network the app still opens for the account that used it last (the field outbox needs it). */
function offline(error: unknown): Me | null {
  if (errorCodeOf(toHttpError(error)) !== 'NETWORK_ERROR') throw error;
  const me = keptMe();
  if (!me) throw error;
  current = { me, ability: abilityFrom(me.rules) };
  return me;
}

/** The signed-in account, asked once per page load (the session lives in the HttpOnly cookie). */
export function loadMe(): Promise<Me | null> {
  if (current) return Promise.resolve(current.me);
  pending ??= apolloClient
    .query<{ me: Me | null }>({ query: ME, fetchPolicy: 'network-only' })
    .then((result) => remember(result.data.me), offline)
    .finally(() => {
      pending = null;
    });
  return pending;
}

export function currentMe(): Me | null {
  return current?.me ?? null;
}

export interface Identity extends UserIdentity {
  login: string;
  unitName: string;
  unitId: string;
  unitLevel: string;
  unitCode: string;
  role: Me['role'];
  departmentName: string | null;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      const result = await apolloClient.mutate<{ signIn: Me }>({ mutation: SIGN_IN, variables: { login: username, password } });
      remember(result.data?.signIn ?? null);
    } catch (error) {
      const mapped = toHttpError(error);
      throw new Error(mapped.message === 'gw.errors.UNAUTHENTICATED' ? 'gw.auth.bad_credentials' : mapped.message);
    }
  },
  async logout() {
    if (current) await apolloClient.mutate({ mutation: SIGN_OUT }).catch(() => undefined);
    forgetLapse();
    remember(null);
    await apolloClient.clearStore();
  },
  async checkAuth() {
    const me = await loadMe();
    if (!me) throw new Error('gw.auth.sign_in_first');
  },
  async checkError(error: unknown) {
    if (errorCodeOf(error) !== 'UNAUTHENTICATED') return;
    // Signed in on this page: the page stays, with what was typed, and the sign-in-again dialog
    // opens (SessionLapsedDialog). Only without an account on this page is it a sign-out.
    if (reportUnauthenticated()) return;
    remember(null);
    throw new Error('gw.auth.session_expired');
  },
  async getIdentity(): Promise<Identity> {
    const me = await loadMe();
    if (!me) throw new Error('gw.auth.sign_in_first');
    return {
      id: me.account.id,
      fullName: me.account.displayName,
      login: me.account.login,
      unitName: me.unit.name,
      unitId: me.unit.id,
      unitLevel: me.unit.level,
      unitCode: me.unit.code,
      role: me.role,
      departmentName: me.department?.name ?? null,
    };
  },
  async getPermissions() {
    const me = await loadMe();
    return me?.role ?? null;
  },
  async canAccess({ action, resource }: { action: string; resource: string }) {
    await loadMe();
    if (!current) return false;
    const subject = subjectOf[resource];
    // Screens that are not a resource (dashboard, map) are open to every signed-in account.
    if (!subject) return true;
    const apiAction = actionOf[action] ?? 'read';
    // Everyone reads their own account; the account and key screens are for those who manage them.
    if (subject === 'Account' || subject === 'ApiKey') return current.ability.can(apiAction === 'read' ? 'create' : apiAction, subject);
    return current.ability.can(apiAction, subject);
  },
};

/** Roles this user may give a new account: the `role: { $in }` of their `create Account` rules. */
export function grantableRoles(): string[] {
  const rules = current?.ability.rulesFor('create', 'Account') ?? [];
  const roles = new Set<string>();
  for (const rule of rules) {
    const inList = (rule.conditions as { role?: { $in?: unknown } } | undefined)?.role?.$in;
    if (!rule.inverted && Array.isArray(inList)) for (const r of inList) if (typeof r === 'string') roles.add(r);
  }
  return [...roles];
}

/** For selections: ask for a sensitive field only when the rules let us read it. */
export function can(action: Parameters<AppAbility['can']>[0], subject: Parameters<AppAbility['can']>[1], field?: string): boolean {
  return current?.ability.can(action, subject, field) ?? false;
}

