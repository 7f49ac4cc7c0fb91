/**
 * An in-memory stand-in for the Secret Manager part of Tailor Platform's Operator API, faithful to
 * its Connect-RPC JSON protocol: the nine methods, proto3 JSON (lowerCamelCase, int64 as strings,
 * RFC 3339 timestamps, default values left out), Connect error bodies with their HTTP statuses,
 * bearer tokens, the naming rule, UUID workspace ids, and paging. Tests add faults on top.
 * It never logs a request body, so values never reach its log.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const SERVICE_PREFIX = '/tailor.v1.OperatorService/';
const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const NAME_RULE = 'must match ^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const HTTP_STATUS: Record<string, number> = {
  invalid_argument: 400,
  failed_precondition: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  already_exists: 409,
  internal: 500,
  unimplemented: 501,
  unavailable: 503,
};

export interface TailorStandInOptions {
  /** Bearer tokens the stand-in accepts. */
  readonly tokens?: readonly string[];
  /** When set, any other workspace gets permission_denied. */
  readonly workspaces?: readonly string[];
  /** Binds a token to the workspaces it may use, as a real token belongs to one user's workspaces. */
  readonly tokenWorkspaces?: Readonly<Record<string, readonly string[]>>;
  /**
   * The Connect code that refuses deleting a vault that still holds secrets. The docs say only that it is
   * refused, not with which code, so tests try more than one.
   */
  readonly nonEmptyVaultRefusal?: string;
  /** Items per page when the request leaves pageSize at 0. */
  readonly defaultPageSize?: number;
  /** The most items a page holds, whatever the request asks. */
  readonly maxPageSize?: number;
}

export interface InjectedFault {
  /** Only calls of this method fail; any method when absent. */
  readonly method?: string;
  readonly code?: string;
  readonly message?: string;
}

interface StoredSecret {
  value: string;
  createTime: string;
  updateTime: string;
}
interface StoredVault {
  createTime: string;
  updateTime: string;
  secrets: Map<string, StoredSecret>;
}

class ConnectError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Request = Record<string, unknown>;
type Handler = (workspace: Map<string, StoredVault>, request: Request) => unknown;

const FIELDS: Record<string, readonly string[]> = {
  CreateSecretManagerVault: ['workspaceId', 'secretmanagerVaultName'],
  GetSecretManagerVault: ['workspaceId', 'secretmanagerVaultName'],
  DeleteSecretManagerVault: ['workspaceId', 'secretmanagerVaultName'],
  ListSecretManagerVaults: ['workspaceId', 'pageToken', 'pageSize', 'pageDirection'],
  CreateSecretManagerSecret: ['workspaceId', 'secretmanagerVaultName', 'secretmanagerSecretName', 'secretmanagerSecretValue'],
  UpdateSecretManagerSecret: ['workspaceId', 'secretmanagerVaultName', 'secretmanagerSecretName', 'secretmanagerSecretValue'],
  GetSecretManagerSecret: ['workspaceId', 'secretmanagerVaultName', 'secretmanagerSecretName'],
  DeleteSecretManagerSecret: ['workspaceId', 'secretmanagerVaultName', 'secretmanagerSecretName'],
  ListSecretManagerSecrets: ['workspaceId', 'secretmanagerVaultName', 'pageToken', 'pageSize', 'pageDirection'],
};

export class TailorStandIn {
  /** One line per call: method, HTTP status and Connect code. Never a body. */
  readonly log: string[] = [];
  /** Milliseconds to wait before answering each call. */
  delayMs = 0;
  private readonly server: Server;
  private readonly workspaces = new Map<string, Map<string, StoredVault>>();
  private readonly callCounts = new Map<string, number>();
  private faults: Array<InjectedFault & { remaining: number }> = [];
  private rawReplies: Array<{ method: string; status: number; body: string }> = [];
  private readonly tokens: ReadonlySet<string>;
  private readonly allowedWorkspaces?: ReadonlySet<string>;
  private readonly tokenWorkspaces: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly nonEmptyVaultRefusal: string;
  private readonly defaultPageSize: number;
  private readonly maxPageSize: number;
  private clock = Date.parse('2026-01-01T00:00:00Z');
  private baseUrl = '';

  private constructor(options: TailorStandInOptions) {
    this.tokens = new Set(options.tokens ?? ['stand-in-token']);
    this.allowedWorkspaces = options.workspaces ? new Set(options.workspaces) : undefined;
    this.tokenWorkspaces = new Map(Object.entries(options.tokenWorkspaces ?? {}).map(([token, workspaces]) => [token, new Set(workspaces)]));
    for (const token of this.tokenWorkspaces.keys()) (this.tokens as Set<string>).add(token);
    this.nonEmptyVaultRefusal = options.nonEmptyVaultRefusal ?? 'failed_precondition';
    this.defaultPageSize = options.defaultPageSize ?? 20;
    this.maxPageSize = options.maxPageSize ?? 50;
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  static async start(options: TailorStandInOptions = {}): Promise<TailorStandIn> {
    const standIn = new TailorStandIn(options);
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    const { port } = standIn.server.address() as AddressInfo;
    standIn.baseUrl = `http://127.0.0.1:${port}`;
    return standIn;
  }

  get url(): string {
    return this.baseUrl;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** How many calls of `method` arrived (failed ones included). */
  calls(method: string): number {
    return this.callCounts.get(method) ?? 0;
  }

  resetCalls(): void {
    this.callCounts.clear();
  }

  /** The next `count` matching calls fail with `code` (unavailable by default) before doing anything. */
  failNext(count: number, fault: InjectedFault = {}): void {
    this.faults.push({ ...fault, remaining: count });
  }

  /** The next call of `method` gets this exact reply, for malformed-reply tests. */
  replyNextWith(method: string, status: number, body: string): void {
    this.rawReplies.push({ method, status, body });
  }

  /** For tests to check what arrived. Never logged. */
  storedValue(workspaceId: string, vault: string, secret: string): string | undefined {
    return this.workspaces.get(workspaceId)?.get(vault)?.secrets.get(secret)?.value;
  }

  /** Seeds a vault directly, bypassing the API (and its name checks). */
  seedVault(workspaceId: string, vault: string, secrets: Record<string, string> = {}): void {
    const workspace = this.workspace(workspaceId);
    const time = this.tick();
    const stored: StoredVault = workspace.get(vault) ?? { createTime: time, updateTime: time, secrets: new Map() };
    for (const [name, value] of Object.entries(secrets)) {
      const secretTime = this.tick();
      stored.secrets.set(name, { value, createTime: secretTime, updateTime: secretTime });
    }
    workspace.set(vault, stored);
  }

  private workspace(workspaceId: string): Map<string, StoredVault> {
    let workspace = this.workspaces.get(workspaceId);
    if (!workspace) {
      workspace = new Map();
      this.workspaces.set(workspaceId, workspace);
    }
    return workspace;
  }

  /** Each change gets a later timestamp, one second apart, so ordering is visible. */
  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.url ?? '').startsWith(SERVICE_PREFIX) ? (request.url ?? '').slice(SERVICE_PREFIX.length) : '';
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    this.callCounts.set(method, this.calls(method) + 1);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (response.destroyed) return;

    const raw = this.rawReplies.findIndex((reply) => reply.method === method);
    if (raw >= 0) {
      const [reply] = this.rawReplies.splice(raw, 1);
      this.log.push(`${method} ${reply.status} raw`);
      response.writeHead(reply.status, { 'Content-Type': 'application/json' });
      response.end(reply.body);
      return;
    }
    try {
      const result = this.dispatch(method, request, Buffer.concat(chunks).toString('utf8'));
      this.log.push(`${method} 200`);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(result));
    } catch (error) {
      const { code, message } = error instanceof ConnectError ? error : new ConnectError('internal', 'internal error');
      const status = HTTP_STATUS[code] ?? 500;
      this.log.push(`${method} ${status} ${code}`);
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ code, message }));
    }
  }

  private dispatch(method: string, request: IncomingMessage, body: string): unknown {
    const fault = this.faults.find((candidate) => candidate.remaining > 0 && (!candidate.method || candidate.method === method));
    if (fault) {
      fault.remaining--;
      this.faults = this.faults.filter((candidate) => candidate.remaining > 0);
      throw new ConnectError(fault.code ?? 'unavailable', fault.message ?? 'the service is temporarily unavailable');
    }
    const handler = this.handlers[method];
    if (request.method !== 'POST' || !handler) throw new ConnectError('unimplemented', `${method || 'the path'} is not a method of tailor.v1.OperatorService`);
    const authorization = request.headers.authorization ?? '';
    const token = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : '';
    if (!this.tokens.has(token)) throw new ConnectError('unauthenticated', 'the access token is missing, invalid or expired');
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new ConnectError('invalid_argument', 'the request must be application/json');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new ConnectError('invalid_argument', 'the request body is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ConnectError('invalid_argument', 'the request body must be a JSON object');
    }
    const fields = parsed as Request;
    for (const field of Object.keys(fields)) {
      if (!FIELDS[method].includes(field)) throw new ConnectError('invalid_argument', `unknown field "${field}" in ${method} request`);
    }
    const workspaceId = stringField(fields, 'workspaceId');
    if (!UUID_PATTERN.test(workspaceId)) throw new ConnectError('invalid_argument', 'workspace_id: value must be a valid UUID');
    const tokenWorkspaces = this.tokenWorkspaces.get(token);
    if ((this.allowedWorkspaces && !this.allowedWorkspaces.has(workspaceId)) || (tokenWorkspaces && !tokenWorkspaces.has(workspaceId))) {
      throw new ConnectError('permission_denied', 'you do not have access to this workspace');
    }
    return handler(this.workspace(workspaceId), fields);
  }

  private readonly handlers: Record<string, Handler> = {
    CreateSecretManagerVault: (workspace, request) => {
      const name = nameField(request, 'secretmanagerVaultName');
      if (workspace.has(name)) throw new ConnectError('already_exists', `vault "${name}" already exists`);
      const time = this.tick();
      workspace.set(name, { createTime: time, updateTime: time, secrets: new Map() });
      return { vault: resource(name, workspace.get(name)!) };
    },
    GetSecretManagerVault: (workspace, request) => {
      const name = nameField(request, 'secretmanagerVaultName');
      return { vault: resource(name, existingVault(workspace, name)) };
    },
    DeleteSecretManagerVault: (workspace, request) => {
      const name = nameField(request, 'secretmanagerVaultName');
      const vault = existingVault(workspace, name);
      if (vault.secrets.size > 0) throw new ConnectError(this.nonEmptyVaultRefusal, `vault "${name}" is not empty`);
      workspace.delete(name);
      return {};
    },
    ListSecretManagerVaults: (workspace, request) => {
      const entries = [...workspace.entries()].map(([name, vault]) => resource(name, vault));
      return this.page(entries, request, 'vaults', 'vaults');
    },
    CreateSecretManagerSecret: (workspace, request) => {
      const vaultName = nameField(request, 'secretmanagerVaultName');
      const name = nameField(request, 'secretmanagerSecretName');
      const value = stringField(request, 'secretmanagerSecretValue');
      const vault = existingVault(workspace, vaultName);
      if (vault.secrets.has(name)) throw new ConnectError('already_exists', `secret "${name}" already exists in vault "${vaultName}"`);
      const time = this.tick();
      vault.secrets.set(name, { value, createTime: time, updateTime: time });
      return { secret: resource(name, vault.secrets.get(name)!) };
    },
    UpdateSecretManagerSecret: (workspace, request) => {
      const vaultName = nameField(request, 'secretmanagerVaultName');
      const name = nameField(request, 'secretmanagerSecretName');
      const value = stringField(request, 'secretmanagerSecretValue');
      const secret = existingSecret(existingVault(workspace, vaultName), vaultName, name);
      secret.value = value;
      secret.updateTime = this.tick();
      return { secret: resource(name, secret) };
    },
    GetSecretManagerSecret: (workspace, request) => {
      const vaultName = nameField(request, 'secretmanagerVaultName');
      const name = nameField(request, 'secretmanagerSecretName');
      return { secret: resource(name, existingSecret(existingVault(workspace, vaultName), vaultName, name)) };
    },
    DeleteSecretManagerSecret: (workspace, request) => {
      const vaultName = nameField(request, 'secretmanagerVaultName');
      const name = nameField(request, 'secretmanagerSecretName');
      const vault = existingVault(workspace, vaultName);
      existingSecret(vault, vaultName, name);
      vault.secrets.delete(name);
      return {};
    },
    ListSecretManagerSecrets: (workspace, request) => {
      const vaultName = nameField(request, 'secretmanagerVaultName');
      const vault = existingVault(workspace, vaultName);
      const entries = [...vault.secrets.entries()].map(([name, secret]) => resource(name, secret));
      return this.page(entries, request, 'secrets', `secrets:${vaultName}`);
    },
  };

  /** Pages are cut by offset; the token is opaque to clients and bound to the listing and direction. */
  private page(items: Array<Record<string, string>>, request: Request, key: string, listing: string): Record<string, unknown> {
    const requestedSize = integerField(request, 'pageSize');
    if (requestedSize < 0) throw new ConnectError('invalid_argument', 'page_size must not be negative');
    const size = Math.min(requestedSize || this.defaultPageSize, this.maxPageSize);
    const direction = request.pageDirection ?? 'PAGE_DIRECTION_UNSPECIFIED';
    if (!['PAGE_DIRECTION_UNSPECIFIED', 'PAGE_DIRECTION_ASC', 'PAGE_DIRECTION_DESC', 0, 1, 2].includes(direction as string)) {
      throw new ConnectError('invalid_argument', 'page_direction: invalid enum value');
    }
    const descending = direction === 'PAGE_DIRECTION_DESC' || direction === 2;
    const ordered = descending ? [...items].reverse() : items;
    const offset = decodePageToken(request.pageToken, `${listing}:${descending ? 'desc' : 'asc'}`);
    const slice = ordered.slice(offset, offset + size);
    const reply: Record<string, unknown> = { totalCount: String(items.length) };
    if (slice.length > 0) reply[key] = slice;
    if (offset + size < ordered.length) {
      reply.nextPageToken = Buffer.from(JSON.stringify({ listing: `${listing}:${descending ? 'desc' : 'asc'}`, offset: offset + size })).toString('base64url');
    }
    return reply;
  }
}

function decodePageToken(token: unknown, listing: string): number {
  if (token === undefined || token === '') return 0;
  try {
    const decoded = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as { listing?: unknown; offset?: unknown };
    if (decoded.listing === listing && typeof decoded.offset === 'number' && decoded.offset >= 0) return decoded.offset;
  } catch {
    // Falls through to the error below.
  }
  throw new ConnectError('invalid_argument', 'page_token is invalid');
}

function resource(name: string, stored: { createTime: string; updateTime: string }): Record<string, string> {
  return { name, createTime: stored.createTime, updateTime: stored.updateTime };
}

function existingVault(workspace: Map<string, StoredVault>, name: string): StoredVault {
  const vault = workspace.get(name);
  if (!vault) throw new ConnectError('not_found', `vault "${name}" not found`);
  return vault;
}

function existingSecret(vault: StoredVault, vaultName: string, name: string): StoredSecret {
  const secret = vault.secrets.get(name);
  if (!secret) throw new ConnectError('not_found', `secret "${name}" not found in vault "${vaultName}"`);
  return secret;
}

function stringField(request: Request, field: string): string {
  const value = request[field] ?? '';
  if (typeof value !== 'string') throw new ConnectError('invalid_argument', `${field} must be a string`);
  return value;
}

function integerField(request: Request, field: string): number {
  const value = request[field] ?? 0;
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) throw new ConnectError('invalid_argument', `${field} must be an integer`);
  return number;
}

function nameField(request: Request, field: string): string {
  const name = stringField(request, field);
  if (!NAME_PATTERN.test(name)) {
    throw new ConnectError('invalid_argument', `${field}: value does not match regex pattern; name ${NAME_RULE}`);
  }
  return name;
}
