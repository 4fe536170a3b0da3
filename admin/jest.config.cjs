/** Unit specs beside the code, and browser tests: the real API (spawned by globalSetup) driven through Debian's Chromium. */
module.exports = {
  testMatch: ['<rootDir>/src/**/__tests__/*.spec.ts', '<rootDir>/e2e/**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  globalSetup: '<rootDir>/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/e2e/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/e2e/disconnect.ts'],
  testTimeout: 90_000,
};
