import { execFileSync } from 'node:child_process';
import { chmodSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

interface UserIds {
  uid: number;
  gids: number[];
}

function postgresUserIds(): UserIds | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gids = execFileSync('id', ['-G', 'postgres']).toString().trim().split(/\s+/).map(Number);
    return { uid, gids };
  } catch {
    return null;
  }
}

function canTraverse(dir: string, user: UserIds): boolean {
  const st = statSync(dir);
  if (st.uid === user.uid) return (st.mode & 0o100) !== 0;
  if (user.gids.includes(st.gid)) return (st.mode & 0o010) !== 0;
  return (st.mode & 0o001) !== 0;
}

/**
 * Postgres refuses to run as root, so as root the embedded server runs as the `postgres`
 * user, which must be able to walk down to the data directory and to the binaries in
 * node_modules. A clone under /root (mode 0700) blocks it; we grant that user the right
 * to pass through (an ACL when setfacl exists, otherwise o+x: traverse only, no listing)
 * and say so. Returns what was changed.
 */
export function grantPostgresTraversal(dirs: string[]): string[] {
  if (process.getuid?.() !== 0) return [];
  const user = postgresUserIds();
  if (!user) return [];
  const changed: string[] = [];
  for (const start of dirs) {
    let dir = realpathSync(start);
    for (;;) {
      if (!canTraverse(dir, user)) {
        grantTraverse(dir);
        changed.push(dir);
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return [...new Set(changed)];
}

function grantTraverse(dir: string): void {
  try {
    execFileSync('setfacl', ['-m', 'u:postgres:x', dir], { stdio: 'ignore' });
  } catch {
    chmodSync(dir, statSync(dir).mode | 0o001);
  }
}
