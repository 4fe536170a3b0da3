import { NotFoundError } from './errors';

/**
 * Opaque, typed IDs (`base64url("Grid:42")`): a client cannot guess neighbours by
 * incrementing, and an id of one type passed where another is expected is simply not found.
 */
export function toGlobalId(type: string, id: number): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

export function fromGlobalId(type: string, globalId: string): number {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const [prefix, raw] = decoded.split(':');
  const id = Number(raw);
  if (prefix !== type || !Number.isSafeInteger(id) || id <= 0 || String(id) !== raw) {
    throw new NotFoundError(type, globalId);
  }
  return id;
}

export function fromGlobalIds(type: string, ids: readonly string[]): number[] {
  return ids.map((id) => fromGlobalId(type, id));
}
