// `pnpm start` builds the console only when a source is newer than the last build, so a
// second start takes seconds; `pnpm build` (and the test command) always builds.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const inputs = ['src', 'index.html', 'package.json', 'vite.config.ts', 'vite-introspection.ts', 'tsconfig.json', '../schema/schema.graphql', '../domain/dist'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = join(root, 'dist', 'index.html');
const stale = !existsSync(built) || inputs.some((input) => newest(join(root, input)) > statSync(built).mtimeMs);
if (stale) execSync('npm run build', { cwd: root, stdio: 'inherit' });
else console.log('admin: console is up to date (admin/dist)');
