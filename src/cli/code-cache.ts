import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

/**
 * Loads the CLI's CommonJS bundles with V8's code cache: the bytecode of a bundle (and of every
 * function that ran) is kept on disk after the first run, so later runs skip parsing and compiling
 * it. On bench/cli.bench.mjs this takes about a fifth off a `scan` of one file. The cache is a
 * speed-up only: when it cannot be read, written or used, the bundle is compiled as usual.
 */

/** A loaded bundle, and how to store its code cache once the code worth keeping has run. */
export interface CachedModule {
  readonly exports: unknown;
  /** True when V8 took the bytecode from the cache instead of compiling the bundle. */
  readonly usedCodeCache: boolean;
  /** Writes the cache when there was none (or V8 refused it); otherwise does nothing. */
  saveCodeCache(): void;
}

/** `SECRET_MANAGER_CODE_CACHE` turns the cache off ("off") or moves it (a folder). */
export function codeCacheDirectory(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string | undefined {
  const chosen = env.SECRET_MANAGER_CODE_CACHE;
  if (chosen === 'off' || chosen === '0') return undefined;
  if (chosen) return path.resolve(chosen);
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'secret-manager', 'code-cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'secret-manager', 'code-cache');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'secret-manager', 'code-cache');
}

/**
 * The cache folder, made private to this user. Bytecode in it runs as this user's code, so a folder
 * that someone else owns or may write to is not used.
 */
function privateFolder(folder: string): boolean {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (process.platform === 'win32') return true;
    const status = lstatSync(folder);
    return status.isDirectory() && status.uid === process.getuid?.() && (status.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Replaces the bundle's older caches with this one, atomically, so no reader sees half a file. */
function writeCache(folder: string, prefix: string, file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, file);
    for (const entry of readdirSync(folder)) {
      const older = entry.startsWith(prefix) && /^[0-9a-f]{32}\.bin$/.test(entry.slice(prefix.length));
      if (older && path.join(folder, entry) !== file) rmSync(path.join(folder, entry), { force: true });
    }
  } catch {
    rmSync(temporary, { force: true });
  }
}

/**
 * Requires `file` (a CommonJS bundle) through the code cache, or plainly when there is none to use.
 * @param variant Keeps a cache of its own for each way the bundle is used (a command), since the
 *   cache holds the functions that ran when it was stored.
 */
export function requireWithCodeCache(file: string, env: NodeJS.ProcessEnv = process.env, variant = ''): CachedModule {
  const folder = codeCacheDirectory(env);
  // The build turns import() into require(); one left in a bundle would need the main context's
  // loader (Node 20.17 and later), so older Nodes load plainly.
  const importModuleDynamically = (vm.constants as Partial<typeof vm.constants> | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (folder === undefined || importModuleDynamically === undefined || !privateFolder(folder)) {
    return { exports: require(file) as unknown, usedCodeCache: false, saveCodeCache: () => undefined };
  }
  let source = readFileSync(file, 'utf8');
  if (source.startsWith('#!')) source = `//${source.slice(2)}`;
  // V8 checks only the source's length against a cache, so the name carries a hash of the text.
  const prefix = `${path.basename(file, '.js')}-${variant === '' ? '' : `${variant}-`}`;
  const digest = createHash('sha256').update(process.versions.v8).update(file).update(source).digest('hex').slice(0, 32);
  const cacheFile = path.join(folder, `${prefix}${digest}.bin`);
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData, importModuleDynamically });
  const loaded = new Module(file, module);
  loaded.filename = file;
  loaded.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(path.dirname(file));
  require.cache[file] = loaded;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  try {
    wrapper.call(loaded.exports, loaded.exports, Module.createRequire(file), loaded, file, path.dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  loaded.loaded = true;
  const needsSaving = cachedData === undefined || script.cachedDataRejected === true;
  let saved = false;
  return {
    exports: loaded.exports,
    usedCodeCache: cachedData !== undefined && script.cachedDataRejected === false,
    saveCodeCache() {
      if (!needsSaving || saved) return;
      saved = true;
      writeCache(folder, prefix, cacheFile, script.createCachedData());
    },
  };
}

/**
 * Requires a bundle loaded on demand (a `.js` file) through the code cache, storing its cache when the
 * process exits, after the code that ran is in it; a source file (unit tests run the sources) plainly.
 */
export function requireBundle(file: string): unknown {
  if (!file.endsWith('.js')) return require(file) as unknown;
  const cached = requireWithCodeCache(file);
  process.once('exit', () => cached.saveCodeCache());
  return cached.exports;
}
