// Builds every bundle into dist/. Each entry is CommonJS for Node 20+ and the VS Code extension host.
import { build } from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/**
 * WorkOS's SDK carries token-shaped examples in its doc comments and in an error message. vsce refuses a
 * package holding such literals, and allowing whole secret types would hide a real one of ours: blank
 * these few, and nothing else.
 */
const workosExampleTokens = {
  name: 'workos-example-tokens',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]@workos-inc[\\/]node[\\/]lib[\\/][^\\/]+\.[cm]?js$/ }, async (file) => {
      const text = await readFile(file.path, 'utf8');
      return { contents: text.replace(/\b(gho|sk_test)_[A-Za-z0-9]{16,}/g, '$1_…'), loader: 'js' };
    });
  },
};

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: process.env.NODE_ENV === 'production',
  // A native module cannot be bundled; vscode is provided by the host.
  external: ['vscode', '@napi-rs/keyring', '@napi-rs/keyring/*', '@napi-rs/keyring-*'],
  logLevel: 'warning',
  // import() becomes require(): the CLI's bundles run through vm.Script (src/cli/code-cache.ts), where
  // Node 20 answers import() only through an experimental loader that prints a warning.
  supported: { 'dynamic-import': false },
  plugins: [workosExampleTokens],
};

const entries = [
  { in: 'src/extension/extension.ts', out: 'dist/extension.js' },
  // The extension's commands, tree and API: the activation shell (extension.js) requires it on first use.
  { in: 'src/extension/main.ts', out: 'dist/extension-main.js' },
  // The `secret-manager` command: a loader that runs cli-main.js through V8's code cache (src/cli/code-cache.ts).
  { in: 'src/cli/bin.ts', out: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { in: 'src/cli/main.ts', out: 'dist/cli-main.js' },
  // `secret-manager run`, on its own: what dist/cli.js loads for it instead of cli-main.js.
  { in: 'src/cli/run-main.ts', out: 'dist/cli-run-main.js' },
  // The CLI's commands, each required by cli-main.js when it runs (src/cli/load-command.ts).
  ...['vault', 'secret', 'audit', 'status', 'restore', 'check', 'executors', 'hook', 'run', 'run-resolve', 'import-env'].map((name) => ({ in: `src/cli/commands/${name}.ts`, out: `dist/cli-${name}.js` })),
  { in: 'src/api/index.ts', out: 'dist/library.js' },
  // Loaded lazily: TypeScript's parser and secretlint cost too much at activation.
  { in: 'src/core/references/parser-entry.ts', out: 'dist/parser.js' },
  { in: 'src/core/detect/engine-entry.ts', out: 'dist/detect.js' },
  { in: 'src/core/workos/sdk-entry.ts', out: 'dist/workos-sdk.js' },
  { in: 'src/core/tailor/yaml-entry.ts', out: 'dist/yaml.js' },
  // The thread of `secret-manager scan` on large trees: a loader of scan-worker.js through the code cache.
  { in: 'src/cli/scan-thread.ts', out: 'dist/scan-thread.js' },
  { in: 'src/cli/scan-worker.ts', out: 'dist/scan-worker.js' },
];

const tests = [];
for (const folder of ['test/integration']) {
  if (existsSync(folder)) tests.push(folder);
}

await Promise.all(
  entries
    .filter((entry) => existsSync(entry.in))
    .map((entry) =>
      build({
        ...shared,
        entryPoints: [entry.in],
        outfile: entry.out,
        banner: entry.banner,
      }),
    ),
);

// The integration suites run inside the extension host, so they are bundled too (vscode stays external).
const integrationFiles = existsSync('test/integration')
  ? readdirSync('test/integration', { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `test/integration/${file}`)
  : [];
if (integrationFiles.length > 0) {
  await build({
    ...shared,
    entryPoints: integrationFiles,
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    external: [...shared.external, 'mocha'],
  });
}
