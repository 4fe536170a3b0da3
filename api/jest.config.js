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
  setupFiles: ['reflect-metadata'],
  testTimeout: 120000,
  // Each test file clones its own database from the templates and listens on its own port, so
  // files run side by side, one per core of the 2-core machines.
  maxWorkers: 2,
};
