import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A real, tiny filesystem (tmpfs) that can be filled up: writes on it then fail with ENOSPC. */
export interface TinyDisk {
  dir: string;
  /** Fills what is left with a file of zeros (up to the last byte the filesystem gives). */
  fill(): void;
  /** Removes that file. */
  free(): void;
  unmount(): void;
}

/**
 * Mounts a tmpfs of `size` (needs root, as the tests' PostgreSQL handling already assumes);
 * `owner` makes it writable by another user (postgres, for a tablespace).
 */
export function mountTinyDisk(size: string, owner?: string): TinyDisk {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-tiny-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0777`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`The disk-full faults mount a tmpfs and need root: ${(error as { stderr?: Buffer }).stderr?.toString().trim() ?? (error as Error).message}`);
  }
  if (owner) execFileSync('chown', [owner, dir]);
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(4096);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    unmount() {
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
