import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { InvalidInputError, isSecretManagerError } from '../../../../src/core/model';
import { TailorClient } from '../../../../src/core/tailor/client';
import { connectCodeOf } from '../../../../src/core/tailor/errors';
import { emptyReplySchema, secretPageSchema, vaultReplySchema } from '../../../../src/core/tailor/protocol';
import { TailorStandIn } from '../../../support/tailor-stand-in';

const WORKSPACE = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('core/tailor/client', () => {
  let standIn: TailorStandIn;
  beforeEach(async () => {
    standIn = await TailorStandIn.start({ tokens: ['client-token'] });
  });
  afterEach(async () => {
    await standIn.close();
  });

  it('speaks Connect JSON: POST to the method path with the bearer token', async () => {
    const seen: Array<{ url: string; headers: Headers; body: string }> = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), headers: new Headers(init?.headers), body: String(init?.body) });
      return fetch(input, init);
    };
    const client = new TailorClient({ baseUrl: `${standIn.url}/`, token: 'client-token', fetch: recordingFetch });
    const reply = await client.call(
      'CreateSecretManagerVault',
      { workspaceId: WORKSPACE, secretmanagerVaultName: 'api-keys' },
      vaultReplySchema,
    );
    assert.equal(reply.vault.name, 'api-keys');
    assert.equal(seen[0].url, `${standIn.url}/tailor.v1.OperatorService/CreateSecretManagerVault`);
    assert.equal(seen[0].headers.get('content-type'), 'application/json');
    assert.equal(seen[0].headers.get('authorization'), 'Bearer client-token');
    assert.equal(seen[0].headers.get('connect-protocol-version'), '1');
    assert.deepEqual(JSON.parse(seen[0].body), { workspaceId: WORKSPACE, secretmanagerVaultName: 'api-keys' });
  });

  it('maps the server rejecting a name (client validation bypassed) to InvalidInputError with its message', async () => {
    const client = new TailorClient({ baseUrl: standIn.url, token: 'client-token' });
    const rejected = await client
      .call('CreateSecretManagerVault', { workspaceId: WORKSPACE, secretmanagerVaultName: 'Bad_Name' }, vaultReplySchema)
      .then(
        () => assert.fail('the server accepted a bad name'),
        (error: unknown) => error,
      );
    assert.ok(rejected instanceof InvalidInputError);
    assert.match(rejected.message, /rejected CreateSecretManagerVault: .*\^\[a-z0-9\]\[a-z0-9-\]\{1,61\}\[a-z0-9\]\$/);
    assert.equal(connectCodeOf(rejected), 'invalid_argument');
    assert.ok(standIn.log.includes('CreateSecretManagerVault 400 invalid_argument'));
  });

  it('maps the server rejecting a workspace id that is not a UUID', async () => {
    const client = new TailorClient({ baseUrl: standIn.url, token: 'client-token' });
    await assert.rejects(
      client.call('GetSecretManagerVault', { workspaceId: 'my-workspace', secretmanagerVaultName: 'api-keys' }, vaultReplySchema),
      (error: unknown) => isSecretManagerError(error, 'invalid-input') && /valid UUID/.test(error.message),
    );
  });

  it('reads a page in either direction, with int64 totalCount as a string', async () => {
    standIn.seedVault(WORKSPACE, 'api-keys', { aaa: '1', bbb: '2', ccc: '3' });
    const client = new TailorClient({ baseUrl: standIn.url, token: 'client-token' });
    const request = { workspaceId: WORKSPACE, secretmanagerVaultName: 'api-keys', pageSize: 2 };
    const ascending = await client.call('ListSecretManagerSecrets', { ...request, pageDirection: 'PAGE_DIRECTION_ASC' }, secretPageSchema);
    assert.deepEqual(ascending.secrets.map((secret) => secret.name), ['aaa', 'bbb']);
    assert.equal(ascending.totalCount, 3);
    assert.notEqual(ascending.nextPageToken, '');
    const descending = await client.call('ListSecretManagerSecrets', { ...request, pageDirection: 'PAGE_DIRECTION_DESC' }, secretPageSchema);
    assert.deepEqual(descending.secrets.map((secret) => secret.name), ['ccc', 'bbb']);
    const last = await client.call(
      'ListSecretManagerSecrets',
      { ...request, pageDirection: 'PAGE_DIRECTION_DESC', pageToken: descending.nextPageToken },
      secretPageSchema,
    );
    assert.deepEqual(last.secrets.map((secret) => secret.name), ['aaa']);
    assert.equal(last.nextPageToken, '', 'an absent nextPageToken reads as the end');
  });

  it('refuses a token that cannot go in a header, without quoting it', () => {
    for (const token of ['', 'two words-secret-token', 'line\nbreak-secret-token', 'caf\u00e9-secret-token']) {
      assert.throws(
        () => new TailorClient({ baseUrl: standIn.url, token }),
        (error: unknown) => isSecretManagerError(error, 'unauthenticated') && !error.message.includes('secret-token') && /tailor-sdk login/.test(error.message),
      );
    }
    assert.doesNotThrow(() => new TailorClient({ baseUrl: standIn.url, token: ' padded-token\n' }));
  });

  it('maps an error reply without a Connect body by its HTTP status', async () => {
    const client = new TailorClient({ baseUrl: standIn.url, token: 'client-token', retries: 0 });
    standIn.replyNextWith('GetSecretManagerVault', 503, 'Service Unavailable');
    await assert.rejects(
      client.call('GetSecretManagerVault', { workspaceId: WORKSPACE, secretmanagerVaultName: 'api-keys' }, vaultReplySchema),
      (error: unknown) => isSecretManagerError(error, 'unavailable') && /HTTP 503/.test(error.message),
    );
  });

  it('refuses a redirect to another origin: the create fails and not one byte reaches the target', async () => {
    const targetBytes: Buffer[] = [];
    let targetConnections = 0;
    const target = createTcpServer((socket) => {
      targetConnections += 1;
      socket.on('data', (chunk: Buffer) => targetBytes.push(chunk));
      socket.end();
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
    const redirecting: Server = createServer((request, response) => {
      request.resume();
      response.writeHead(307, { Location: `${targetUrl}${request.url}` }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const value = ['redirected', 'value', String(Date.now())].join('-');
    try {
      const client = new TailorClient({ baseUrl: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`, token: 'client-token', retries: 0 });
      const failure = await client
        .call('CreateSecretManagerSecret', { workspaceId: WORKSPACE, secretmanagerVaultName: 'api-keys', secretmanagerSecretName: 'stripe', value }, emptyReplySchema, { sensitive: [value] })
        .then(() => undefined, (error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(Buffer.concat(targetBytes).toString().includes(value), false, 'the value did not reach the target');
      assert.equal(Buffer.concat(targetBytes).length, 0, 'the target got no byte');
      assert.equal(targetConnections, 0, 'the target got no connection');
      assert.ok(isSecretManagerError(failure, 'unavailable'), 'the create fails');
      assert.match(failure.message, /answered CreateSecretManagerSecret with a redirect \(HTTP 307\)/);
    } finally {
      await new Promise((resolve) => redirecting.close(resolve));
      await new Promise((resolve) => target.close(resolve));
    }
  });

  it('counts the positive control: a plain TCP target does record what is sent to it', async () => {
    const received: Buffer[] = [];
    const target = createTcpServer((socket) => {
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      socket.end();
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    try {
      await fetch(`http://127.0.0.1:${(target.address() as AddressInfo).port}/`, { method: 'POST', body: 'sent' }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(Buffer.concat(received).toString().includes('POST /'), 'the recording target sees a request sent to it');
    } finally {
      await new Promise((resolve) => target.close(resolve));
    }
  });
});
