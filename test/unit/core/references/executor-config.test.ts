import assert from 'node:assert/strict';
import { loadParser } from '../../../../src/core/references/load-parser';

const { parseExecutorConfig } = loadParser();

describe('core/references/executor-config', () => {
  it('reads each files list with its own ignores: executor, each resolver namespace, workflow', () => {
    const config = parseExecutorConfig(`
      import { defineConfig } from "@tailor-platform/sdk";
      export default defineConfig({
        name: "app",
        db: { "main-db": { files: ["db/**/*.ts"] } },
        resolver: {
          "main-resolver": { files: [\`./src/resolvers/**/*.ts\`], ignores: ["**/draft/**"] },
          "other-resolver": { files: ["./other/*.ts"] },
        },
        executor: { files: ["./src/executor/*.ts", "jobs/**/*.ts"], ignores: ["src/executor/old.ts"] },
        workflow: { files: ["workflows/**/*.ts"] },
      });
    `);
    assert.deepEqual(config, {
      fileSets: [
        { section: 'resolver', files: ['./src/resolvers/**/*.ts'], ignores: ['**/draft/**'] },
        { section: 'resolver', files: ['./other/*.ts'], ignores: undefined },
        { section: 'executor', files: ['./src/executor/*.ts', 'jobs/**/*.ts'], ignores: ['src/executor/old.ts'] },
        { section: 'workflow', files: ['workflows/**/*.ts'], ignores: undefined },
      ],
      unreadSections: [],
    });
  });

  it('reads httpAdapter files', () => {
    const config = parseExecutorConfig('export default defineConfig({ httpAdapter: { files: ["./http-adapters/*.ts"], ignores: [] } });');
    assert.deepEqual(config.fileSets, [{ section: 'httpAdapter', files: ['./http-adapters/*.ts'], ignores: [] }]);
  });

  it('reads an exported object literal with `satisfies`, and arrays `as const`', () => {
    const config = parseExecutorConfig('export default { executor: { files: ["e/*.ts"] as const } } satisfies Config;');
    assert.deepEqual(config.fileSets, [{ section: 'executor', files: ['e/*.ts'], ignores: undefined }]);
  });

  it('names the sections it cannot read without running the file', () => {
    const config = parseExecutorConfig(
      'const files = ["x/*.ts"]; const resolver = {}; export default defineConfig({ executor: { files }, workflow: { files: [...files] }, resolver });',
    );
    assert.deepEqual(config.fileSets, []);
    assert.deepEqual(config.unreadSections, ['executor', 'workflow', 'resolver']);
  });

  it('reads nothing from a config without executors, or from garbage', () => {
    assert.deepEqual(parseExecutorConfig('export default defineConfig({ name: "x" });'), { fileSets: [], unreadSections: [] });
    assert.deepEqual(parseExecutorConfig('}{ not a config'), { fileSets: [], unreadSections: [] });
  });
});
