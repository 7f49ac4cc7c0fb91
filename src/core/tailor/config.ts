import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import { lazyBundleLocation } from '../bundle-location';
import { SecretManagerError } from '../model';
import type * as YamlParser from './yaml-entry';

/** The YAML bundle, required by a computed path so that esbuild keeps it out of the caller's bundle. */
function loadYamlParser(): typeof YamlParser {
  return require(lazyBundleLocation(__dirname, 'yaml.js', join(__dirname, 'yaml-entry.ts'))) as typeof YamlParser;
}

/** Where the tailor-sdk CLI keeps its login: the same lookup the CLI does. */
export function tailorConfigPath(env: NodeJS.ProcessEnv, home: string = homedir()): string {
  if (env.TAILOR_PLATFORM_SDK_CONFIG_PATH) return env.TAILOR_PLATFORM_SDK_CONFIG_PATH;
  const configHome = env.XDG_CONFIG_HOME || join(home, '.config');
  return join(configHome, 'tailor-platform', 'config.yaml');
}

/** YAML may hand back a timestamp as a string, a number (epoch) or a Date, depending on who wrote it. */
const expirySchema = z
  .union([z.string(), z.number(), z.date()])
  .optional()
  .transform((value) => {
    if (value === undefined || value === '') return undefined;
    const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
    return Number.isNaN(time) ? undefined : time;
  });

const keyringUserSchema = z.looseObject({
  storage: z.literal('keyring'),
  token_expires_at: expirySchema,
});

const fileUserSchema = z.looseObject({
  storage: z.literal('file').optional(),
  access_token: z.string().min(1, { error: 'access_token is empty' }),
  refresh_token: z.string().optional(),
  token_expires_at: expirySchema,
});

export const tailorUserSchema = z.union([keyringUserSchema, fileUserSchema], {
  error: 'each user needs either access_token, or storage: keyring',
});
export type TailorConfigUser = z.infer<typeof tailorUserSchema>;

export const tailorProfileSchema = z.looseObject({
  user: z.string().min(1),
  workspace_id: z.string().min(1),
});
export type TailorConfigProfile = z.infer<typeof tailorProfileSchema>;

export const tailorConfigSchema = z.looseObject({
  version: z.union([z.number(), z.string()]).optional(),
  users: z.record(z.string(), tailorUserSchema).nullish().transform((users) => users ?? {}),
  profiles: z.record(z.string(), tailorProfileSchema).nullish().transform((profiles) => profiles ?? {}),
  current_user: z.string().nullish(),
});
export type TailorConfig = z.infer<typeof tailorConfigSchema>;

/** Reads the tailor-sdk config file. Resolves `undefined` when there is none. */
export async function readTailorConfig(path: string): Promise<TailorConfig | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SecretManagerError('invalid-input', `Cannot read the tailor-sdk config file ${path}: ${(error as Error).message}`);
  }
  return parseTailorConfig(text, path);
}

export function parseTailorConfig(text: string, path: string): TailorConfig {
  let document: unknown;
  try {
    document = loadYamlParser().parse(text) ?? {};
  } catch (error) {
    // The YAML error quotes the line, and the file can hold tokens: name the position only.
    const position = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new SecretManagerError(
      'invalid-input',
      `The tailor-sdk config file ${path} is not valid YAML${position ? ` (line ${position})` : ''}.`,
      'Run `tailor-sdk login` to rewrite it.',
    );
  }
  const parsed = tailorConfigSchema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`);
    throw new SecretManagerError(
      'invalid-input',
      `The tailor-sdk config file ${path} is not in the expected shape: ${problems.slice(0, 3).join('; ')}.`,
      'Run `tailor-sdk login` to rewrite it.',
    );
  }
  return parsed.data;
}
