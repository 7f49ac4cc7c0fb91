import assert from 'node:assert/strict';
import { loadParser } from '../../../../src/core/references/load-parser';

const { parseExecutorConfig } = loadParser();

describe('core/references/executor-config', () => {
  it('reads executor files and ignores, workflow files and resolver files from defineConfig', () => {
    const config = parseExecutorConfig(`
      import { defineConfig } from "@tailor-platform/sdk";
      export default defineConfig({
        name: "app",
        db: { "main-db": { files: ["db/**/*.ts"] } },
        resolver: { "main-resolver": { files: [\`./src/resolvers/**/*.ts\`], ignores: ["**/draft/**"] } },
        executor: { files: ["./src/executor/*.ts", "jobs/**/*.ts"], ignores: ["src/executor/old.ts"] },
        workflow: { files: ["workflows/**/*.ts"] },
      });
    `);
    assert.deepEqual(config, {
      executorFiles: ['./src/executor/*.ts', 'jobs/**/*.ts'],
      executorIgnores: ['src/executor/old.ts'],
      functionFiles: ['./src/resolvers/**/*.ts', 'workflows/**/*.ts'],
      functionIgnores: ['**/draft/**'],
    });
  });

  it('reads an exported object literal with `satisfies`', () => {
    const config = parseExecutorConfig('export default { executor: { files: ["e/*.ts"] } } satisfies Config;');
    assert.deepEqual(config.executorFiles, ['e/*.ts']);
  });

  it('leaves out what it cannot read without running the file', () => {
    const config = parseExecutorConfig('const files = ["x/*.ts"]; export default defineConfig({ executor: { files }, workflow: { files: [...files] } });');
    assert.equal(config.executorFiles, undefined);
    assert.deepEqual(config.functionFiles, []);
  });

  it('reads nothing from a config without executors, or from garbage', () => {
    assert.equal(parseExecutorConfig('export default defineConfig({ name: "x" });').executorFiles, undefined);
    assert.equal(parseExecutorConfig('}{ not a config').executorFiles, undefined);
  });
});
