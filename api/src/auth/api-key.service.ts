import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { GridLevel, Role } from '../common/enums';
import type { Principal } from '../context/principal';
import type { ApiKeyScope } from '../common/api-key-scope';

const KEY = /^(gwk_[A-Za-z0-9_-]{8})\.([A-Za-z0-9_-]{32})$/;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new key: the prefix is stored and shown; the whole key is shown once and only its hash kept. */
export function newApiKey(): { prefix: string; key: string; secretHash: string } {
  const prefix = `gwk_${randomBytes(6).toString('base64url')}`;
  const secret = randomBytes(24).toString('base64url');
  return { prefix, key: `${prefix}.${secret}`, secretHash: hashSecret(secret) };
}

interface KeyRow {
  /** Null for a key without expiry. */
  seconds_left: number | null;
  id: number;
  name: string;
  secret_hash: string;
  scopes: ApiKeyScope[];
  rate_limit_per_minute: number;
  unit_id: number;
  unit_level: GridLevel;
  city_id: number;
  county_id: number | null;
  township_id: number | null;
}

/**
 * `Authorization: Bearer gwk_xxxxxxxx.secret` → the key's principal and the seconds it has left
 * (Infinity without expiry), or null when unknown, revoked or expired.
 */
export async function principalForApiKey(em: EntityManager, presented: string): Promise<{ principal: Principal; secondsLeft: number } | null> {
  const match = KEY.exec(presented);
  if (!match) return null;
  // Security-definer lookup by prefix (no unit is known yet), then a constant-time comparison.
  const [row] = await em.execute<KeyRow[]>('select * from gw_api_key_lookup(?)', [match[1]]);
  if (!row || !timingSafeEqual(Buffer.from(row.secret_hash), Buffer.from(hashSecret(match[2])))) return null;
  return { principal: keyPrincipal(match[1], row), secondsLeft: row.seconds_left == null ? Infinity : Number(row.seconds_left) };
}

function keyPrincipal(prefix: string, row: KeyRow): Principal {
  return {
    accountId: null,
    login: prefix,
    displayName: row.name,
    role: Role.API_CLIENT,
    unitId: row.unit_id,
    unitLevel: row.unit_level,
    unitScope: { cityId: row.city_id, countyId: row.county_id, townshipId: row.township_id },
    departmentId: null,
    departmentField: null,
    assignedGridIds: [],
    assignedTownshipIds: [],
    apiScopes: row.scopes,
    apiKey: { id: row.id, rateLimitPerMinute: row.rate_limit_per_minute },
  };
}
