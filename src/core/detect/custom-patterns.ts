import * as z from 'zod';

/** Custom findings carry this before the pattern's id: "custom/acme-token". */
export const CUSTOM_RULE_PREFIX = 'custom/';
/** The flags a custom pattern may ask for; the detector adds its own (g, d). */
const ALLOWED_FLAGS = /^(?!.*(.).*\1)[imsu]*$/;
const PATTERN_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** One user-defined credential format, from the setting or .secretmanager.json. */
export const customPatternSchema = z.strictObject({
  id: z.string().regex(PATTERN_ID, {
    error: 'must be 2–63 lowercase letters, digits or "-", starting with a letter or digit (such as "acme-token")',
  }),
  /** What it finds, as the start of the finding's message: "ACME API token". */
  title: z.string().trim().min(1, { error: 'must say what the pattern finds, such as "ACME API token"' }).max(120),
  /** A JavaScript regular expression, without slashes. A named group `secret` narrows the finding to that part. */
  pattern: z.string().min(1, { error: 'must be a regular expression' }).max(2_000),
  severity: z.enum(['error', 'warning', 'info']),
  /** Regular expression flags: any of i, m, s, u. */
  flags: z.string().regex(ALLOWED_FLAGS, { error: 'may hold each of the flags i, m, s and u once' }).optional(),
  /** Words of which each match's line holds one (case-insensitive): the pattern then runs on those lines only. */
  keywords: z.array(z.string().trim().min(2, { error: 'must be 2 characters or more' }).max(64)).max(20).optional(),
});
export type CustomPattern = z.output<typeof customPatternSchema>;

export const customPatternsSchema = z.array(customPatternSchema).max(200);

/** A pattern the detector will not run, and why, in words a user can act on. */
export interface RefusedPattern {
  readonly id: string;
  readonly reason: string;
}

export function refusalMessage(refused: RefusedPattern): string {
  return `Custom pattern "${refused.id}": ${refused.reason}`;
}

/** The flags the detector compiles a custom pattern with: the user's, plus g (and d when it has a `secret` group). */
export function scanFlags(pattern: Pick<CustomPattern, 'pattern' | 'flags'>): string {
  return `${pattern.flags ?? ''}g${hasSecretGroup(pattern.pattern) ? 'd' : ''}`;
}

export function hasSecretGroup(source: string): boolean {
  return source.includes('(?<secret>');
}

/** The compiled pattern, or why it does not compile. */
export function compileCustomPattern(pattern: Pick<CustomPattern, 'pattern' | 'flags'>): RegExp | { readonly error: string } {
  try {
    return new RegExp(pattern.pattern, scanFlags(pattern));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Checks each entry on its own, so that one mistake does not cost the other patterns: the valid
 * ones, and a message for each invalid one (naming its id, or its place in the list).
 */
export function parseCustomPatternList(input: unknown, where: string): { patterns: CustomPattern[]; problems: string[] } {
  if (input === undefined || input === null) return { patterns: [], problems: [] };
  if (!Array.isArray(input)) return { patterns: [], problems: [`${where} must be a list of patterns.`] };
  const patterns: CustomPattern[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  input.forEach((entry: unknown, index) => {
    const parsed = customPatternSchema.safeParse(entry);
    const name = typeof (entry as { id?: unknown })?.id === 'string' ? `"${(entry as { id: string }).id.slice(0, 64)}"` : `#${index + 1}`;
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')} ` : ''}${issue.message}`);
      problems.push(`${where}: custom pattern ${name}: ${issues.join('; ')}.`);
    } else if (seen.has(parsed.data.id)) {
      problems.push(`${where}: custom pattern ${name} is listed twice; ids must differ.`);
    } else {
      seen.add(parsed.data.id);
      patterns.push(parsed.data);
    }
  });
  return { patterns, problems };
}

/** The patterns of several sources, in order of precedence: an id taken by an earlier source is skipped in later ones. */
export function mergeCustomPatterns(...sources: ReadonlyArray<readonly CustomPattern[]>): CustomPattern[] {
  const byId = new Map<string, CustomPattern>();
  for (const source of sources) for (const pattern of source) if (!byId.has(pattern.id)) byId.set(pattern.id, pattern);
  return [...byId.values()];
}
