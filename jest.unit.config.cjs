/** Pure unit tests: no I/O. */
module.exports = { ...require('./jest.preset.cjs'), displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts'] };
