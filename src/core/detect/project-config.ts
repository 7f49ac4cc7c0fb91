import * as z from 'zod';
import { parseCustomPatternList, type CustomPattern } from './custom-patterns';

/** The project's detection settings, at the root of the repository or workspace folder, shared by the extension and the CLI. */
export const PROJECT_CONFIG_FILE_NAME = '.secretmanager.json';

const projectConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  detection: z
    .strictObject({
      /** Checked entry by entry (parseCustomPatternList), so each mistake is named. */
      customPatterns: z.array(z.unknown(), { error: 'must be a list of patterns' }).optional(),
      minimumConfidence: z.number({ error: 'must be a number from 0 to 1' }).min(0, 'must be a number from 0 to 1').max(1, 'must be a number from 0 to 1').optional(),
    })
    .optional(),
});

export interface ProjectConfig {
  readonly customPatterns: readonly CustomPattern[];
  /** Findings less sure than this are left out (value-judgement.ts); undefined: the default. */
  readonly minimumConfidence?: number;
  /** One message per mistake, each naming the file and the field; empty when the file is fine. */
  readonly problems: readonly string[];
}

/** Reads the text of a .secretmanager.json; `fileLabel` names it in messages (its path as the user knows it). */
export function parseProjectConfig(text: string, fileLabel: string): ProjectConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { customPatterns: [], problems: [`${fileLabel} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = projectConfigSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${fileLabel}: ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}.`);
    return { customPatterns: [], problems };
  }
  const list = parseCustomPatternList(parsed.data.detection?.customPatterns, `${fileLabel} detection.customPatterns`);
  const minimumConfidence = parsed.data.detection?.minimumConfidence;
  return { customPatterns: list.patterns, problems: list.problems, ...(minimumConfidence === undefined ? {} : { minimumConfidence }) };
}
