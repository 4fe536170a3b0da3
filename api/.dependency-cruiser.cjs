// The layers of api/src and the direction imports may go (docs/architecture.md draws them).
// Checked by src/__tests__/architecture.spec.ts; by hand: node scripts/architecture.mjs
//
//   common  <-  db  <-  core (context, auth, data, http)  <-  modules  <-  composition root
//
// A layer may import its own layer and any layer to its left, never one to its right.

/** Files that assemble the ORM from every module's entities: they belong to the composition root, not to db/. */
const DB_WIRING = '^src/db/(orm[.]config|entities|database|seed|migration-chain)[.]ts$';
const TEST = '(^src/test/|/__tests__/)';

const layers = {
  common: '^src/common/',
  db: '^src/db/',
  core: '^src/(context|auth|data|http)/',
  modules: '^src/modules/',
  composition: ['^src/(server|cli|scheduler)/', '^src/(main|config)[.]ts$', DB_WIRING],
};

/** A rule forbidding `layer` to import anything in `above` (production code only: tests may reach anywhere). */
function below(name, layer, above, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: layer, pathNot: [TEST, DB_WIRING] },
    to: { path: above, pathNot: TEST },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment:
        'Files import each other in one direction only (type-only imports count too). The one exception: entity files whose ORM relation is declared on both sides (a campaign and its items) may name each other.',
      severity: 'error',
      from: {},
      to: { circular: true, via: { pathNot: '[.]entity[.]ts$' } },
    },
    {
      name: 'no-module-cycle',
      comment:
        'Domain modules depend on each other in one direction only: where two need each other, the lower one offers an interface or hook that the upper one (or the composition root) fills in.',
      severity: 'error',
      // Folder rules are checked on production code only (scripts/architecture.mjs): a spec may reach across modules.
      scope: 'folder',
      from: { path: '^src/modules/[^/]+$' },
      to: { path: '^src/modules/[^/]+$', circular: true, viaOnly: { path: '^src/modules/' } },
    },
    below('common-is-a-leaf', layers.common, '^src/(?!common/)', 'common/ imports nothing of the api outside itself.'),
    below('db-below-core', layers.db, ['^src/(context|auth|data|http|modules|server|cli|scheduler)/', '^src/(main|config)[.]ts$', DB_WIRING], 'db/ (connections, roles, row-level security, migrations) knows no request, module or server.'),
    below('core-below-modules', layers.core, ['^src/(modules|server|cli|scheduler)/', '^src/(main|config)[.]ts$', DB_WIRING], 'context/, auth/, data/ and http/ know no domain module and no server: policies and schemas are handed to them.'),
    below('modules-below-composition', layers.modules, ['^src/(server|cli|scheduler)/', '^src/(main|config)[.]ts$', DB_WIRING], 'No module imports server/, cli/ or scheduler/: what a module needs from the composition root is injected.'),
    {
      name: 'no-seeds-in-api',
      comment:
        'Domain rules live in the api (or a shared domain package), never in the seed generator. Only the first-run seeding (db/seed.ts), the demo banner and the test templates may load the seeds.',
      severity: 'error',
      from: { path: '^src/', pathNot: [TEST, '^src/db/seed[.]ts$', '^src/server/banner[.]ts$'] },
      to: { path: ['(^|/)seeds/', '@gridwatch/seeds'] },
    },
    {
      name: 'no-test-code-in-production',
      comment: 'Production code never imports test helpers or specs.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      to: { path: TEST },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Jest maps @gridwatch/seeds to the sources; in the graph it is one external node, matched by name.
    combinedDependencies: false,
  },
};
