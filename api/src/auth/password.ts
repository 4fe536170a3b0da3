import { Algorithm, hash, verify } from '@node-rs/argon2';

/** OWASP's minimum for argon2id (m=19 MiB, t=2, p=1). */
export const PASSWORD_HASH_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

// Verified against when the login is unknown, so both failures take the same time.
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('gridwatch-timing-equaliser');
  const target = storedHash ?? (await dummyHash);
  const ok = await verify(target, password).catch(() => false);
  return ok && storedHash != null;
}

/** True when a stored hash is weaker than today's settings (or not argon2id): upgrade it at sign-in. */
export function isStale(storedHash: string): boolean {
  const match = /^\$(argon2(?:id|i|d))\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
  if (!match) return true;
  const [, algorithm, m, t] = match;
  return algorithm !== 'argon2id' || Number(m) < PASSWORD_HASH_OPTIONS.memoryCost || Number(t) < PASSWORD_HASH_OPTIONS.timeCost;
}
