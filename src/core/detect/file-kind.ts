import path from 'node:path';
import type { FileKind } from './project-rule';

const CONFIG_EXTENSIONS = new Set(['.env', '.yaml', '.yml', '.properties', '.ini', '.cfg', '.conf', '.toml', '.tfvars', '.sh', '.bash', '.zsh']);

/** 'config' for files whose values may be written bare (.env*, YAML, properties…), else 'code'. */
export function fileKindOf(filePath: string): FileKind {
  const name = path.basename(filePath).toLowerCase();
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return 'config';
  return CONFIG_EXTENSIONS.has(path.extname(name)) ? 'config' : 'code';
}
