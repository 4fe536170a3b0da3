// Cruises api/src with .dependency-cruiser.cjs and prints each violation; exits 1 on a new one.
// Usage: node scripts/architecture.mjs [--json] [baseDir]   (baseDir defaults to api/: src/, tsconfig.json)
// A script rather than an import in the jest test: dependency-cruiser is ESM only and jest runs CommonJS.
import { cruise } from 'dependency-cruiser';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = createRequire(import.meta.url)(path.join(apiDir, '.dependency-cruiser.cjs'));
const TEST = '(^src/test/|/__tests__/)';

/** `rule: from -> to`, the key of a violation in architecture-known.json. */
const keyOf = (v) => `${v.rule}: ${v.from} -> ${v.to}`;

/** Violations recorded when the checker came in, each to be removed (never added to): baseDir/architecture-known.json. */
function knownOf(baseDir) {
  const file = path.join(baseDir, 'architecture-known.json');
  if (!existsSync(file)) return new Set();
  const known = JSON.parse(readFileSync(file, 'utf8'));
  return new Set(Object.entries(known.violations).flatMap(([rule, edges]) => edges.map((edge) => `${rule}: ${edge}`)));
}

/**
 * Every violation (the rule, the import or the cycle that breaks it, whether it is a known one),
 * and the known ones that no longer occur.
 */
export async function check(baseDir = apiDir) {
  const cwd = process.cwd();
  // dependency-cruiser resolves paths (and the rules' patterns) from the working directory.
  process.chdir(baseDir);
  try {
    const { forbidden, options } = config;
    const fileRules = forbidden.filter((rule) => rule.scope !== 'folder');
    const folderRules = forbidden.filter((rule) => rule.scope === 'folder');
    // Folder rules (the modules' cycles) see the domain modules' production files only: a folder's specs
    // would otherwise count as its imports, and a path through a lower layer is the layer rules' business.
    const production = { ...options, includeOnly: '^src/modules/', exclude: { path: [].concat(options.exclude.path, TEST) } };
    const results = [
      await cruise(['src'], { ...options, baseDir, ruleSet: { forbidden: fileRules }, validate: true }),
      await cruise(['src'], { ...production, baseDir, ruleSet: { forbidden: folderRules }, validate: true }),
    ];
    const known = knownOf(baseDir);
    const violations = results
      .flatMap((result) => result.output.summary.violations)
      .map((v) => ({ rule: v.rule.name, from: v.from, to: v.to, cycle: v.cycle?.map((step) => step.name) }))
      .map((v) => ({ ...v, known: known.has(keyOf(v)) }));
    const found = new Set(violations.map(keyOf));
    return { violations, stale: [...known].filter((key) => !found.has(key)) };
  } finally {
    process.chdir(cwd);
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const { violations, stale } = await check(path.resolve(args.find((a) => !a.startsWith('--')) ?? apiDir));
  const fresh = violations.filter((v) => !v.known);
  if (args.includes('--json')) console.log(JSON.stringify({ violations, stale }));
  else {
    for (const v of violations) console.log(`${v.known ? '(known) ' : ''}${keyOf(v)}${v.cycle ? ` (cycle: ${v.cycle.join(' -> ')})` : ''}`);
    for (const key of stale) console.log(`no longer occurs, remove from architecture-known.json: ${key}`);
    console.log(`${fresh.length} new violation(s), ${violations.length - fresh.length} known, ${stale.length} stale`);
  }
  process.exitCode = fresh.length > 0 || stale.length > 0 ? 1 : 0;
}
