import { raw, type EntityManager } from '@mikro-orm/postgresql';
import { hashPassword, isStale } from '../../auth/password';
import { tokenHash } from '../../auth/session.service';
import type { RequestContext } from '../../context/request-context';
import { Account } from './account.entity';
import { Session } from './session.entity';

// The writes to accounts' sessions and passwords: here, beside their entities, not in auth/ (which reads sessions only).

/** Re-hashes a password made with weaker settings while it is at hand (after sign-in, in the caller's unit). */
export async function upgradeStaleHash(ctx: RequestContext, password: string, storedHash: string): Promise<void> {
  if (!isStale(storedHash) || !ctx.principal?.accountId) return;
  await ctx.em.nativeUpdate(Account, { id: ctx.principal.accountId }, { passwordHash: await hashPassword(password) }, { filters: false });
}

/** Revokes every session of an account but the one presented (password change, role or unit change). */
export async function revokeSessionsOf(em: EntityManager, accountId: number, keepToken: string | null = null): Promise<void> {
  await em.nativeUpdate(
    Session,
    { accountId, revokedAt: null, ...(keepToken ? { tokenHash: { $ne: tokenHash(keepToken) } } : {}) },
    { revokedAt: raw('now()') },
  );
}

export async function revokeSession(em: EntityManager, token: string): Promise<void> {
  await em.nativeUpdate(Session, { tokenHash: tokenHash(token), revokedAt: null }, { revokedAt: raw('now()') });
}
