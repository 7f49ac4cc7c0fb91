import { existsSync } from 'node:fs';
import path from 'node:path';
import type * as EngineModule from './engine-entry';

export type DetectEngine = typeof EngineModule;

let loaded: DetectEngine | undefined;

/**
 * The detection engine (secretlint and the rules), loaded on first use, so that a scan can start its
 * threads and walk the tree first. In the bundles it is dist/detect.js beside the caller; from the
 * sources (unit tests) engine-entry.ts. The require paths are not literals, so esbuild leaves them alone.
 */
export function loadDetectEngine(): DetectEngine {
  if (loaded) return loaded;
  const besideBundle = path.join(__dirname, 'detect.js');
  loaded = require(existsSync(besideBundle) ? besideBundle : path.join(__dirname, 'engine-entry')) as DetectEngine;
  return loaded;
}
