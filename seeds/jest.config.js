/** @type {import('jest').Config} */
module.exports = {
  ...require('../jest.base.js'),
  // Tests run against the domain package's sources, so no build step is needed first.
  moduleNameMapper: { '^@gridwatch/domain$': '<rootDir>/../domain/src/index.ts' },
};
