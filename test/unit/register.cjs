// Compiles test and source TypeScript on the fly with esbuild, so mocha runs the real sources.
// `import()` becomes `require()`: left native, it would load a .ts file through Node's ESM loader,
// which cannot compile it, so sources that import lazily (src/cli/run.ts) could not run in tests.
const { transformSync } = require('esbuild');
const fs = require('node:fs');
require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'cjs', target: 'node20', sourcemap: 'inline', sourcefile: filename, supported: { 'dynamic-import': false } });
  module._compile(code, filename);
};
