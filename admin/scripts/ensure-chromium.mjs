// The browser tests drive Debian's Chromium (a browser download is refused on these machines).
// The test command gets it itself, so README's test line passes on a machine with only Node:
// when the browser or the CJK font is missing it installs Debian's packages through apt, as
// root or through passwordless sudo. It never skips the browser tests: without a way to
// install, it stops with what to do.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// fonts-wqy-microhei: the screenshots' Chinese text is boxes without a CJK font.
const font = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const packages = ['chromium', 'fonts-wqy-microhei'];

if (existsSync(browser) && (process.env.CHROMIUM_PATH || existsSync(font))) {
  console.log(`admin: browser tests use ${browser}`);
  process.exit(0);
}

const root = process.getuid?.() === 0;
const sudo = !root && spawnSync('sudo', ['-n', 'true']).status === 0;
if (!root && !sudo) {
  console.error(
    `admin: the browser tests need Debian's Chromium at ${browser} and a CJK font, and this user cannot install them.\n` +
      `Run: sudo apt-get install -y ${packages.join(' ')}  (or set CHROMIUM_PATH to a Chromium binary).`,
  );
  process.exit(1);
}
const as = (command, args) => (root ? [command, args] : ['sudo', ['-n', command, ...args]]);
const run = (command, args) => {
  const [file, argv] = as(command, args);
  console.log(`admin: ${[file, ...argv].join(' ')}`);
  execFileSync(file, argv, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
};
run('apt-get', ['update', '-qq']);
run('apt-get', ['install', '-y', '-qq', ...packages]);
if (!existsSync(browser)) {
  console.error(`admin: apt installed ${packages.join(', ')} but ${browser} is still missing`);
  process.exit(1);
}
