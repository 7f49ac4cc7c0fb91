// Compiles test and source TypeScript on the fly with esbuild, so mocha runs the real sources.
const { transformSync } = require('esbuild');
const fs = require('node:fs');
require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'cjs', target: 'node20', sourcemap: 'inline', sourcefile: filename });
  module._compile(code, filename);
};
