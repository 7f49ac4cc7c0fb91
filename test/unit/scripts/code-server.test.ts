import assert from 'node:assert/strict';
import path from 'node:path';

interface Server {
  url: string;
  authority: string;
}
interface CodeServerModule {
  workbenchUrl(server: Server, options: { folder?: string; extensionDevelopmentPath?: string; extensionTestsPath?: string }): string;
}

// A plain .mjs script module: loaded by path so the type checker does not look for its declarations.
const modulePath = path.resolve(__dirname, '../../../scripts/lib/code-server.mjs');
const loadModule = (): Promise<CodeServerModule> => import(modulePath);

describe('scripts/lib/code-server', () => {
  const server = { url: 'http://127.0.0.1:41234/', authority: '127.0.0.1:41234' };

  it('builds the test payload with the exact authority the browser uses', async () => {
    const { workbenchUrl } = await loadModule();
    const url = new URL(
      workbenchUrl(server, {
        folder: '/tmp/a folder/workspace',
        extensionDevelopmentPath: '/work/main',
        extensionTestsPath: '/work/main/out/test/integration/index.js',
      }),
    );
    assert.equal(url.origin, 'http://127.0.0.1:41234');
    assert.equal(url.searchParams.get('folder'), '/tmp/a folder/workspace');
    assert.deepEqual(JSON.parse(url.searchParams.get('payload') ?? 'null'), [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:41234/work/main'],
      ['extensionTestsPath', 'vscode-remote://127.0.0.1:41234/work/main/out/test/integration/index.js'],
      ['skipWelcome', 'true'],
    ]);
  });

  it('leaves out what is not asked for (npm start loads the extension without tests)', async () => {
    const { workbenchUrl } = await loadModule();
    const url = new URL(workbenchUrl(server, { folder: '/w', extensionDevelopmentPath: '/work/main' }));
    assert.deepEqual(JSON.parse(url.searchParams.get('payload') ?? 'null'), [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:41234/work/main'],
      ['skipWelcome', 'true'],
    ]);
  });
});
