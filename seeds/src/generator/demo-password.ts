import { hash } from '@node-rs/argon2';
import { Rng } from '../random';
import { DEMO_PASSWORD } from './accounts';

/** The api's parameters: argon2id (the library default), OWASP's m=19 MiB, t=2, p=1. */
export const PASSWORD_HASH_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * One hash shared by all demo accounts: hashing once keeps loading fast. The salt comes from
 * the seed so the same seed gives byte-identical rows; acceptable for a published demo password.
 */
export async function demoPasswordHash(seed: number): Promise<string> {
  const rng = Rng.derive(seed, 'demo-password-salt');
  const salt = new Uint8Array(16);
  for (let i = 0; i < salt.length; i++) salt[i] = rng.uint32() & 0xff;
  return hash(DEMO_PASSWORD, { ...PASSWORD_HASH_OPTIONS, salt });
}
