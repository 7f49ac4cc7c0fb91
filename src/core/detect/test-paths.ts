/**
 * Folders and file names that hold tests and their fixtures: `test/`, `spec/`, `__tests__/`, `testdata/`,
 * `fixtures/`, `cypress/`, Perl's `t/`; `*.test.ts`, `*_spec.rb`, `*_test.go`, `FooTest.java`, `test_foo.py`.
 */
const TEST_PATH =
  /(?:^|[\\/])(?:tests?|specs?|__tests__|__mocks__|testdata|test[-_]?data|fixtures?|e2e|cypress|t|integration[-_]?tests?)[\\/]|[._-](?:test|spec)\.[a-z]+$|_test\.go$|Tests?\.(?:java|kt|cs|php|swift)$|_spec\.rb$|(?:^|[\\/])test_[^\\/]+\.py$/i;

/** True when the path (relative to the workspace, where known) is a test's or a fixture's. */
export function isTestPath(relativePath: string): boolean {
  return TEST_PATH.test(relativePath);
}
