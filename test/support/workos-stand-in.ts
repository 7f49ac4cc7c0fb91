/**
 * An in-memory stand-in for the Key-Value part of the WorkOS Vault HTTP API, built from WorkOS's API
 * reference: the paths under /vault/v1/kv, snake_case JSON, bearer API keys, cursor pagination
 * (`limit`, `before`, `after`, `order`, and `list_metadata` with the cursors), the `version_check`
 * consistency lock answered with 409, names unique per environment (409), and error bodies
 * `{ "code", "message" }` with their HTTP statuses. Tests add faults on top. It never logs a body.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WorkosStandInOptions {
  /** API keys the stand-in accepts. */
  readonly apiKeys?: readonly string[];
  /** Objects per page when the request gives no limit (WorkOS's default is 10). */
  readonly defaultLimit?: number;
}

export interface WorkosFault {
  /** "GET", "POST", "PUT" or "DELETE"; any when absent. */
  readonly method?: string;
  /** Only requests whose path starts with this fail. */
  readonly pathPrefix?: string;
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait this long before answering (for timeouts). */
  readonly delayMs?: number;
  /** How many requests fail; 1 when absent. */
  readonly times?: number;
}

interface StoredVersion {
  id: string;
  value: string;
  createdAt: string;
}
interface StoredObject {
  id: string;
  name: string;
  context: Record<string, string>;
  versions: StoredVersion[];
  updatedAt: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ENVIRONMENT_ID = 'environment_standin';
const ACTOR = { id: 'user_standin', name: 'Stand-in User' };

export class WorkosStandIn {
  /** Every request's method and path with query, in order (never a body). */
  readonly requests: string[] = [];
  private readonly objects = new Map<string, StoredObject>();
  private readonly faults: (WorkosFault & { remaining: number })[] = [];
  private clock = Date.parse('2026-01-01T00:00:00Z');
  private sequence = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: WorkosStandInOptions,
  ) {}

  static async start(options: WorkosStandInOptions = {}): Promise<WorkosStandIn> {
    let standIn: WorkosStandIn | undefined;
    const server = createServer((request, response) => {
      void standIn!.handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    standIn = new WorkosStandIn(server, `http://127.0.0.1:${port}`, options);
    return standIn;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Adds an object as if made elsewhere (the dashboard, another app). */
  seed(name: string, value: string, context: Record<string, string> = {}): string {
    return this.insert(name, value, context).id;
  }

  /** Makes a new version as if someone else updated the object. */
  updateBehindOurBack(name: string, value: string): void {
    const object = [...this.objects.values()].find((each) => each.name === name);
    if (!object) throw new Error(`no object ${name}`);
    this.addVersion(object, value);
  }

  storedValue(name: string): string | undefined {
    const object = [...this.objects.values()].find((each) => each.name === name);
    return object?.versions.at(-1)?.value;
  }

  contextOf(name: string): Record<string, string> | undefined {
    return [...this.objects.values()].find((each) => each.name === name)?.context;
  }

  objectNames(): string[] {
    return [...this.objects.values()].map((object) => object.name);
  }

  fail(fault: WorkosFault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private insert(name: string, value: string, context: Record<string, string>): StoredObject {
    this.sequence += 1;
    const id = `secret_${this.sequence.toString().padStart(8, '0')}${randomBytes(4).toString('hex').toUpperCase()}`;
    const object: StoredObject = { id, name, context, versions: [], updatedAt: '' };
    this.objects.set(id, object);
    this.addVersion(object, value);
    return object;
  }

  private addVersion(object: StoredObject, value: string): void {
    const createdAt = this.tick();
    object.versions.push({ id: randomBytes(12).toString('base64url'), value, createdAt });
    object.updatedAt = createdAt;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    this.requests.push(`${method} ${url.pathname}${url.search}`);
    const body = await readBody(request);
    const fault = this.faults.find((each) => each.remaining > 0 && (!each.method || each.method === method) && (!each.pathPrefix || url.pathname.startsWith(each.pathPrefix)));
    if (fault) {
      fault.remaining -= 1;
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.status !== undefined) {
        if (response.destroyed) return;
        const text = fault.body === undefined ? '' : typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
        response.writeHead(fault.status, { 'Content-Type': typeof fault.body === 'string' ? 'text/html' : 'application/json', ...fault.headers });
        response.end(text);
        return;
      }
    }
    try {
      const authorization = request.headers.authorization ?? '';
      const key = authorization.startsWith('Bearer ') ? authorization.slice(7) : '';
      if (!(this.options.apiKeys ?? []).includes(key)) throw new HttpError(401, 'unauthorized', 'Unauthorized');
      const result = this.route(method, url, body);
      if (result === undefined) {
        response.writeHead(204).end();
        return;
      }
      response.writeHead(result.status, { 'Content-Type': 'application/json', 'X-Request-ID': `req_${this.requests.length}` });
      response.end(JSON.stringify(result.body));
    } catch (error) {
      const failure = error instanceof HttpError ? error : new HttpError(500, 'internal_error', 'Internal error');
      response.writeHead(failure.status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ code: failure.code, message: failure.message }));
    }
  }

  private route(method: string, url: URL, body: string): { status: number; body: unknown } | undefined {
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'vault' || parts[1] !== 'v1' || parts[2] !== 'kv') throw new HttpError(404, 'not_found', 'Not Found');
    const rest = parts.slice(3);
    if (rest.length === 0 && method === 'GET') return { status: 200, body: this.list(url.searchParams) };
    if (rest.length === 0 && method === 'POST') return { status: 201, body: this.create(parseJson(body)) };
    if (rest[0] === 'name' && rest.length === 2 && method === 'GET') {
      const object = [...this.objects.values()].find((each) => each.name === rest[1]);
      if (!object) throw notFound();
      return { status: 200, body: { ...withoutValue(object), value: object.versions.at(-1)!.value } };
    }
    const object = this.objects.get(rest[0] ?? '');
    if (!object) throw notFound();
    if (rest.length === 1 && method === 'GET') return { status: 200, body: { ...withoutValue(object), value: object.versions.at(-1)!.value } };
    if (rest.length === 2 && rest[1] === 'metadata' && method === 'GET') return { status: 200, body: withoutValue(object) };
    if (rest.length === 2 && rest[1] === 'versions' && method === 'GET') {
      const current = object.versions.at(-1)!;
      const data = object.versions.map((version) => ({
        id: version.id,
        created_at: version.createdAt,
        current_version: version === current,
        etag: `"${version.id.slice(0, 8)}"`,
        size: Buffer.byteLength(version.value),
      }));
      return { status: 200, body: { data: data.reverse(), list_metadata: { before: null, after: null } } };
    }
    if (rest.length === 1 && method === 'PUT') {
      const request = parseJson(body);
      if (typeof request.value !== 'string' || request.value === '') throw new HttpError(422, 'invalid_request_parameters', 'value is required');
      this.checkVersion(object, request.version_check);
      this.addVersion(object, request.value);
      return { status: 200, body: withoutValue(object) };
    }
    if (rest.length === 1 && method === 'DELETE') {
      this.checkVersion(object, url.searchParams.get('version_check'));
      this.objects.delete(object.id);
      return undefined;
    }
    throw new HttpError(404, 'not_found', 'Not Found');
  }

  private checkVersion(object: StoredObject, versionCheck: unknown): void {
    if (versionCheck === undefined || versionCheck === null) return;
    if (versionCheck !== object.versions.at(-1)!.id) {
      throw new HttpError(409, 'version_check_failed', 'The object has been updated since the provided version.');
    }
  }

  private create(request: Record<string, unknown>): unknown {
    const { name, value, key_context: context } = request;
    if (typeof name !== 'string' || name === '') throw new HttpError(422, 'invalid_request_parameters', 'name is required');
    if (typeof value !== 'string') throw new HttpError(422, 'invalid_request_parameters', 'value is required');
    if (typeof context !== 'object' || context === null || Object.keys(context).length === 0) {
      throw new HttpError(422, 'invalid_request_parameters', 'key_context must hold at least one value');
    }
    if ([...this.objects.values()].some((each) => each.name === name)) throw new HttpError(409, 'object_already_exists', `An object named ${name} already exists.`);
    return metadataOf(this.insert(name, value, context as Record<string, string>));
  }

  private list(query: URLSearchParams): unknown {
    const limit = Math.min(100, Number(query.get('limit') ?? this.options.defaultLimit ?? 10));
    if (!Number.isInteger(limit) || limit < 1) throw new HttpError(422, 'invalid_request_parameters', 'limit must be between 1 and 100');
    const ascending = [...this.objects.values()];
    const order = query.get('order') ?? 'desc';
    const ordered = order === 'asc' ? ascending : ascending.reverse();
    const after = query.get('after');
    const start = after ? ordered.findIndex((object) => object.id === after) + 1 : 0;
    if (after && start === 0) throw new HttpError(422, 'invalid_request_parameters', 'after is not a known object');
    const page = ordered.slice(start, start + limit);
    const more = start + limit < ordered.length;
    return {
      object: 'list',
      data: page.map((object) => ({ id: object.id, name: object.name, updated_at: object.updatedAt })),
      list_metadata: { before: start > 0 ? page[0]?.id ?? null : null, after: more ? page.at(-1)!.id : null },
    };
  }
}

function metadataOf(object: StoredObject) {
  return {
    context: object.context,
    environment_id: ENVIRONMENT_ID,
    id: object.id,
    key_id: `key_${object.id.slice(-8)}`,
    updated_at: object.updatedAt,
    updated_by: ACTOR,
    version_id: object.versions.at(-1)!.id,
  };
}

function withoutValue(object: StoredObject) {
  return { id: object.id, name: object.name, metadata: metadataOf(object) };
}

function notFound(): HttpError {
  return new HttpError(404, 'entity_not_found', 'Object not found.');
}

function parseJson(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null) return parsed as Record<string, unknown>;
  } catch {
    // Falls through to the 400 below.
  }
  throw new HttpError(400, 'invalid_json', 'The request body is not a JSON object.');
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
