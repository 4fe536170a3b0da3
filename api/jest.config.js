/** @type {import('jest').Config} */
module.exports = {
  ...require('../jest.base.js'),
  // Tests run against the seeds' sources, so no build step is needed first.
  moduleNameMapper: { '^@gridwatch/seeds$': '<rootDir>/../seeds/src/index.ts' },
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  globalTeardown: '<rootDir>/src/test/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 120000,
};
