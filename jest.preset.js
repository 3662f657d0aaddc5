// Shared Jest set-up: TypeScript through SWC (type checking is `pnpm typecheck`'s job),
// and workspace packages resolved to their sources so tests never need a build first.
const path = require('node:path');

module.exports = (packageDir, overrides = {}) => ({
  rootDir: packageDir,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@callboard/(api|ingest|infra|test)$': path.join(__dirname, '$1/src'),
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  ...overrides,
});
