/** @type {import('jest').Config} */
module.exports = {
  ...require('../jest.base.js'),
  // Tests run against the seeds' and the domain's sources, so no build step is needed first.
  moduleNameMapper: {
    '^@gridwatch/seeds$': '<rootDir>/../seeds/src/index.ts',
    '^@gridwatch/domain$': '<rootDir>/../domain/src/index.ts',
  },
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  globalTeardown: '<rootDir>/src/test/global-teardown.ts',
  // Every test file is its own composition root: the role table is installed as the server installs it.
  setupFiles: ['reflect-metadata', '<rootDir>/src/test/install-policies.ts'],
  testTimeout: 120000,
  // Each test file clones its own database from the templates and listens on its own port, so
  // files run side by side, one per core of the 2-core machines.
  maxWorkers: 2,
};
