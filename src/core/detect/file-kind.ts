import path from 'node:path';
import type { FileKind } from './project-rule';

// `.markerb`: Markdown with ERB (Fly.io's documentation).
const DOCUMENTATION_EXTENSIONS = new Set(['.md', '.mdx', '.markdown', '.markerb', '.rst', '.adoc']);
const CONFIG_EXTENSIONS = new Set(['.env', '.yaml', '.yml', '.properties', '.ini', '.cfg', '.conf', '.toml', '.tfvars', '.sh', '.bash', '.zsh']);

/** 'config' for files whose values may be written bare (.env*, YAML, properties…), 'docs' for Markdown, reST and AsciiDoc, else 'code'. */
export function fileKindOf(filePath: string): FileKind {
  const name = path.basename(filePath).toLowerCase();
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return 'config';
  const extension = path.extname(name);
  if (DOCUMENTATION_EXTENSIONS.has(extension)) return 'docs';
  return CONFIG_EXTENSIONS.has(extension) ? 'config' : 'code';
}
