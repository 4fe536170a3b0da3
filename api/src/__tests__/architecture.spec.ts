import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The layers of docs/architecture.md, as .dependency-cruiser.cjs states them, checked by scripts/architecture.mjs.

interface Violation {
  rule: string;
  from: string;
  to: string;
  cycle?: string[];
  known: boolean;
}

const apiDir = path.resolve(__dirname, '../..');

/** Runs the checker in its own node process: dependency-cruiser is an ES module, jest runs CommonJS. */
function check(baseDir: string): { violations: Violation[]; stale: string[] } {
  // It exits 1 on a violation; the report is its output either way.
  const run = spawnSync(process.execPath, [path.join(apiDir, 'scripts/architecture.mjs'), '--json', baseDir], { encoding: 'utf8' });
  if (run.error || !run.stdout) throw run.error ?? new Error(`architecture.mjs failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { violations: Violation[]; stale: string[] };
}

const lines = (found: Violation[]): string[] => found.map((v) => `${v.rule}: ${v.from} -> ${v.to}${v.cycle ? ` (cycle: ${v.cycle.join(' -> ')})` : ''}`);

describe('architecture', () => {
  it('api/src imports only downward, without cycles, besides the recorded violations', () => {
    const { violations, stale } = check(apiDir);
    expect(lines(violations.filter((v) => !v.known))).toEqual([]);
    // A recorded violation that is gone leaves the list, so that it cannot come back unnoticed.
    expect(stale).toEqual([]);
  });

  describe('the checker itself', () => {
    let dir: string;

    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'gridwatch-architecture-'));
      const files: Record<string, string> = {
        'tsconfig.json': '{ "compilerOptions": { "module": "commonjs" } }',
        // Upward: common/ importing a module.
        'src/common/clock.ts': "import { grid } from '../modules/grid/grid.service';\nexport const clock = grid;",
        // A module cycle (and a file cycle): grid -> case -> grid.
        'src/modules/grid/grid.service.ts': "import { kase } from '../case/case.service';\nexport const grid = () => kase;",
        'src/modules/case/case.service.ts': "import { grid } from '../grid/grid.service';\nexport const kase = () => grid;",
        // A module importing server/, auth/ importing a module, production importing test code.
        'src/modules/case/case.routes.ts': "import { schema } from '../../server/schema';\nexport const routes = schema;",
        'src/server/schema.ts': 'export const schema = 1;',
        'src/auth/ability.ts': "import { kase } from '../modules/case/case.service';\nexport const ability = kase;",
        'src/modules/case/case.policy.ts': "import { helper } from '../../test/helper';\nexport const policy = helper;",
        'src/test/helper.ts': 'export const helper = 1;',
        // Allowed: a module importing auth/ and common/, the composition root importing a module.
        'src/modules/case/case.resolver.ts': "import { ability } from '../../auth/ability';\nimport { clock } from '../../common/clock';\nexport const r = [ability, clock];",
        'src/server/app.ts': "import { routes } from '../modules/case/case.routes';\nexport const app = routes;",
      };
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports an upward import, a cycle, a module importing server/ and test code in production, and nothing else', () => {
      // A file cycle is reported once, from whichever of its files the cruise met first: named by its members.
      const reported = check(dir).violations.map((v) =>
        v.rule === 'no-cycle' ? `no-cycle: ${[...new Set([v.from, ...(v.cycle ?? [])])].sort().join(' ')}` : `${v.rule}: ${v.from} -> ${v.to}`,
      );
      expect(new Set(reported)).toEqual(
        new Set([
          'common-is-a-leaf: src/common/clock.ts -> src/modules/grid/grid.service.ts',
          'core-below-modules: src/auth/ability.ts -> src/modules/case/case.service.ts',
          'modules-below-composition: src/modules/case/case.routes.ts -> src/server/schema.ts',
          'no-test-code-in-production: src/modules/case/case.policy.ts -> src/test/helper.ts',
          'no-cycle: src/modules/case/case.service.ts src/modules/grid/grid.service.ts',
          'no-module-cycle: src/modules/grid -> src/modules/case',
          'no-module-cycle: src/modules/case -> src/modules/grid',
        ]),
      );
    });
  });
});
