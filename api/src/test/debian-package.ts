import { execFileSync } from 'node:child_process';

function installed(binary: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore', env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` } });
    return true;
  } catch {
    return false;
  }
}

/**
 * A Debian package the test needs (pgbouncer, haproxy): installed with apt-get when missing and
 * the tests run as root (CI), else a clear failure saying what to install. Returns the binary's path.
 */
export function requireDebianPackage(binary: string, pkg = binary): string {
  if (!installed(binary)) {
    if (process.getuid?.() !== 0) {
      throw new Error(`This test needs ${binary}: install it with \`sudo apt-get install -y ${pkg}\` (Debian), or run the tests as root and they install it.`);
    }
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  return execFileSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8', env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` } }).trim();
}

/** Daemons refuse to run as root: as root they are started as this user (Debian's postgres user exists with the server packages). */
export function daemonUser(): string | null {
  return process.getuid?.() === 0 ? 'postgres' : null;
}
