import type { EntityManager } from '@mikro-orm/postgresql';
import { bindSessionPrincipal, tokenHash } from '../session.service';

/** What the session lookup sends: its SQL text and its bound values. */
function recordingEm() {
  const sent: { sql: string; params: unknown[] }[] = [];
  const em = {
    execute: async (sql: string, params: unknown[] = []) => {
      sent.push({ sql, params });
      return [];
    },
  } as unknown as EntityManager;
  return { em, sent };
}

describe('the session lookup', () => {
  it('binds the token digest as a parameter: no caller value is written into the SQL text', async () => {
    const { em, sent } = recordingEm();
    const digest = tokenHash('a session token');
    expect(await bindSessionPrincipal(em, digest)).toBeNull();
    expect(sent).toHaveLength(1);
    expect(sent[0].sql).not.toContain(digest);
    expect(sent[0].sql).toMatch(/gw_session_lookup\(\?\)/);
    expect(sent[0].params).toEqual([digest]);
  });
});
