import { connectionSettingSchema, connectionStoreId, type ConnectionSetting } from './connection-settings';
import { parseInput } from './model';

/** The id of the embedded local store, which every list of connections starts with. */
export const LOCAL_CONNECTION_ID = 'local';

/** A `secretManager.connections` entry that could not be used, and why. */
export interface ConnectionSettingProblem {
  /** The entry's position in the list; undefined when the setting as a whole is wrong. */
  readonly index?: number;
  /** The entry's id, when it has a readable one. */
  readonly id?: string;
  readonly message: string;
}

export interface ConnectionSettingList {
  readonly settings: ConnectionSetting[];
  readonly problems: ConnectionSettingProblem[];
}

/**
 * Reads the connections setting entry by entry, with the same schema as `parseConnectionSettings`,
 * so one bad entry is reported on its own instead of hiding the good ones.
 */
export function readConnectionSettings(input: unknown): ConnectionSettingList {
  if (input === undefined || input === null) return { settings: [], problems: [] };
  if (!Array.isArray(input)) {
    return { settings: [], problems: [{ message: 'secretManager.connections must be a list of connections, such as [{ "id": "staging", "kind": "tailor" }].' }] };
  }
  const settings: ConnectionSetting[] = [];
  const problems: ConnectionSettingProblem[] = [];
  const seen = new Set<string>();
  input.forEach((entry: unknown, index) => {
    const id = readableId(entry);
    try {
      const setting = parseInput(connectionSettingSchema, entry);
      if (seen.has(setting.id)) {
        problems.push({ index, id, message: `secretManager.connections[${index}]: the connection id "${setting.id}" is used twice.` });
        return;
      }
      seen.add(setting.id);
      settings.push(setting);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push({ index, id, message: `secretManager.connections[${index}]${id ? ` ("${id}")` : ''}: ${reason}` });
    }
  });
  return { settings, problems };
}

function readableId(entry: unknown): string | undefined {
  const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 ? id.slice(0, 63) : undefined;
}

/**
 * The connection references resolve against: the workspace's `secretManager.referenceConnection`,
 * "local" when unset. An id that names no configured connection is kept as it is, so that opening
 * it fails with an error that says so, rather than quietly checking references against another store.
 */
export function referenceConnectionId(chosen: unknown): string {
  return typeof chosen === 'string' && chosen.trim() !== '' ? chosen.trim() : LOCAL_CONNECTION_ID;
}

/** What to do about a connection id that names nothing: the likely one, and the ids that do exist. */
export function unknownConnectionHint(id: string, knownIds: readonly string[]): string {
  const likely = /^(tailor|workos):/.test(id)
    ? undefined
    : knownIds.find((known) => known === connectionStoreId({ kind: 'tailor', id }) || known === connectionStoreId({ kind: 'workos', id }));
  const suggestion = likely ? `Did you mean "${likely}"? ` : '';
  return `${suggestion}Known connections: ${knownIds.map((known) => `"${known}"`).join(', ')}.`;
}
