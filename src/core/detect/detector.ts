import path from 'node:path';
import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfigUnionRule, SecretLintRuleCreator } from '@secretlint/types';
import * as z from 'zod';
import { formatReference, parseInput, type SecretReference } from '../model';
import { mayMatchLiteralsOf } from '../fingerprint-matcher';
import type { FingerprintMatcher } from '../store';
import { customPatternRule } from './custom-pattern-rule';
import { customPatternsSchema } from './custom-patterns';
import { fileKindOf } from './file-kind';
import { generatedFileKind } from './generated-files';
import { maskCredential, type Finding, type FindingCertainty, type FindingSeverity } from './finding';
import { KeywordFilter, type CandidateLine } from './keyword-filter';
import { extractLiterals, someLiteral } from './literals';
import { forEachMatchAtStarts } from './matches-at-starts';
import { deferIndices, type ProjectRule, type ScanContext } from './project-rule';
import { RuleGate, type GateResult } from './rule-gate';
import { ruleIdComparator } from './rule-id-order';
import { runRules, type RuleReport, type RunnableRule } from './rule-runner';
import { AWS_RULE_ID, DATABASE_PRESET_RULE_ID, presetReportRange } from './preset-report-range';
import { PROJECT_RULES } from './rules';
import { isNamedForItsUserOrDatabase } from './rules/database-url';
import { DEFAULT_MINIMUM_CONFIDENCE, judgeUrlPassword, judgeValue } from './value-judgement';
import { expiresDecadesAway, isJwtIoSample, isSignedWithKeyBeside, isVerifiedByPublicKeyBeside } from './stand-in-tokens';
import { isTestPath } from './test-paths';
import { isInGitHubSignedDownload, isInSignedFileLink, isPresignedUrlKeyId } from './presigned-url';
import {
  allowlistSchema,
  createSuppressions,
  isAllowlisted,
  isIgnoredInline,
  isRuleDisabled,
  type Allowlist,
  type Suppressions,
} from './suppression';
import { isInsideSecretReference } from './secret-uri-reference';
import { isAllowedWithReason } from './tailor-allow-reason';
import { isDeclaredExample } from './declared-example';
import { isCutByEllipsis } from './elided-token';
import { isTranslationFile } from './translation-files';

export const PRESET_ID = '@secretlint/secretlint-rule-preset-recommend';
export const KNOWN_SECRET_RULE_ID = 'secret-manager/known-secret';
const MINIMUM_KNOWN_SECRET_LENGTH = 8;
const FILTER_COMMENTS_RULE_ID = '@secretlint/secretlint-rule-filter-comments';
/** Below the default threshold: shown when the user asks for more. */
const TEST_VECTOR_CONFIDENCE = 0.6;
const AWS_OPTIONS = { enableIDScanRule: true };

// secretlint's profiler is on unless turned off: it marks every rule run on every file with
// performance.mark() and keeps every mark, which cost 10% of a scan's time and grew memory.
secretLintProfiler.setEnabled(false);

export const detectorOptionsSchema = z.strictObject({
  /** The contents of .secretmanagerignore: gitignore-style paths and `fingerprint:<hash>` lines. */
  ignoreFileText: z.string().optional(),
  allowlist: allowlistSchema.optional(),
  /** Paths in the ignore file and the allowlist are relative to this folder. */
  workspaceRoot: z.string().optional(),
  /** Findings whose confidence (0–1) is below this are left out. */
  minimumConfidence: z.number().min(0).max(1).optional(),
  /** User-defined formats, reported as `custom/<id>`. Only patterns vetCustomPatterns (pattern-probe.ts) accepted: they run as given. */
  customPatterns: customPatternsSchema.optional(),
});
export type DetectorOptions = z.input<typeof detectorOptionsSchema>;

export interface DetectInput {
  readonly text: string;
  readonly filePath: string;
  /** Turns on the executor-header rule. */
  readonly isExecutorFile?: boolean;
  /** Reports literals whose value is a stored secret's. */
  readonly fingerprintMatcher?: FingerprintMatcher;
}

/** How the engine runs; only tests change it. */
export interface DetectorTuning {
  /**
   * Runs each preset rule only on files that hold one of its triggers (preset-triggers.ts), instead
   * of the whole preset on every file. On by default; the differential test turns it off to check
   * that gating changes no finding.
   */
  readonly gatePresetRules?: boolean;
}

export interface Detector {
  detect(input: DetectInput): Promise<Finding[]>;
  /**
   * `findings` (what detect() gave for this text without a matcher) with the text's known-secret
   * findings added, as detect() with `input.fingerprintMatcher` would have given them all: for a
   * matcher that was not ready when the file was first scanned (the store still opening).
   */
  addKnownSecretFindings(input: DetectInput & { readonly fingerprintMatcher: FingerprintMatcher }, findings: readonly Finding[]): Promise<readonly Finding[]>;
  /** True when the ignore file or the allowlist exclude this path. */
  isPathIgnored(filePath: string): boolean;
  /** Every rule id this detector can report, with a short description (for SARIF). */
  readonly ruleDescriptions: ReadonlyMap<string, string>;
}

interface CallState {
  readonly context: ScanContext;
  /** The stored secrets each known-secret report matched, by report. */
  readonly matchedSecrets: Map<string, readonly SecretReference[]>;
  /** The confidence each project rule's report was given, by rule and report. */
  readonly confidences: Map<string, number>;
  readonly candidateLines: ReadonlyMap<string, readonly CandidateLine[]>;
  /** The gate's offsets of tracked required literals (in the text as given), when gated. */
  readonly literalStarts?: (literal: string) => readonly number[] | undefined;
}

/** True when the file's path names what the rule finds (ProjectRule.pathKeywords). */
function namesInPath(rule: ProjectRule, state: CallState): boolean {
  return rule.pathKeywords !== undefined && rule.pathKeywords.test(state.context.filePath);
}

/** secretlint drops reports with the same range and text as another, so each rule's text is its id. */
function foundMessage(ruleId: string) {
  return { FOUND: { en: () => ruleId } };
}

function reportKey(start: number, end: number): string {
  return `${start}-${end}`;
}

/**
 * Each project rule's pattern without the d flag (to scan with, and sticky for matchStarts), and
 * sticky with it (for deferIndices); its patternInCode sticky, without the d flag and with it.
 */
const SCAN_PATTERNS = new Map(
  PROJECT_RULES.map((rule) => [
    rule,
    {
      scan: new RegExp(rule.pattern.source, rule.pattern.flags.replace('d', '')),
      sticky: new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('d', '').replace('g', '').replace('y', '')}y`),
      withIndices: new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '').replace('y', '')}y`),
      stickyInCode: rule.patternInCode && new RegExp(rule.patternInCode.source, `${rule.patternInCode.flags.replace(/[dgy]/g, '')}y`),
      withIndicesInCode: rule.patternInCode && new RegExp(rule.patternInCode.source, `${rule.patternInCode.flags.replace(/[gy]/g, '')}y`),
    },
  ]),
);

function projectRuleCreator(rule: ProjectRule, state: CallState): SecretLintRuleCreator {
  const messages = foundMessage(rule.id);
  return {
    messages,
    meta: { id: rule.id, type: 'scanner', recommended: true, supportedContentTypes: ['text'] },
    create(context) {
      const t = context.createTranslator(messages);
      return {
        file(source) {
          const content = source.content;
          if (rule.keywords.length === 0 || namesInPath(rule, state)) {
            const starts = rule.matchStarts ? rule.matchStarts(content) : requiredTextStarts(rule, state);
            if (starts) reportMatchesAtStarts(content, starts);
            else reportMatches(content, 0);
            return;
          }
          for (const line of state.candidateLines.get(rule.id) ?? []) {
            const lineText = content.slice(line.start, line.end);
            reportMatches(lineText, line.start, lineText.length > LONG_LINE ? keywordStartsIn(rule, lineText) : undefined);
          }
        },
      };

      function report(start: number, end: number, confidence: number | undefined): void {
        if (confidence !== undefined) state.confidences.set(`${rule.id} ${reportKey(start, end)}`, confidence);
        context.report({ message: t('FOUND'), range: [start, end] });
      }

      /**
       * Runs the rule's pattern over `windowText`, which starts at `windowStart` in the file; with
       * `keywordStarts`, only matches near one of them count.
       */
      function reportMatches(windowText: string, windowStart: number, keywordStarts?: readonly number[]): void {
        const twins = SCAN_PATTERNS.get(rule);
        const pattern = twins?.scan ?? rule.pattern;
        pattern.lastIndex = 0;
        for (let match = pattern.exec(windowText); match !== null; match = pattern.exec(windowText)) {
          if (match[0].length === 0) pattern.lastIndex += 1;
          if (keywordStarts && !isNearAny(keywordStarts, match.index, match.index + match[0].length)) continue;
          if (twins) deferIndices(match, twins.withIndices);
          const accepted = rule.accept(match, state.context);
          if (accepted) report(windowStart + accepted.start, windowStart + accepted.end, accepted.confidence);
        }
      }

      /** The same reports as reportMatches(text, 0), when every match starts at one of `starts`. */
      function reportMatchesAtStarts(text: string, starts: readonly number[]): void {
        const twins = SCAN_PATTERNS.get(rule);
        const sticky = twins?.sticky ?? new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '').replace('y', '')}y`);
        const narrow = state.context.fileKind === 'code' ? twins?.stickyInCode : undefined;
        forEachMatchAtStarts(
          sticky,
          text,
          starts,
          (match) => {
            if (twins) deferIndices(match, (narrow && twins.withIndicesInCode) || twins.withIndices);
            const accepted = rule.accept(match, state.context);
            if (accepted) report(accepted.start, accepted.end, accepted.confidence);
          },
          narrow,
        );
      }
    },
  };
}

/**
 * A line longer than this (minified code, a web page saved inside JSON) holds unrelated text: a
 * context rule's keyword there must stand near the value (a Zendesk-shaped id 3,000 characters
 * after the word "zendesk" is not its token).
 */
const LONG_LINE = 1000;
const KEYWORD_REACH = 200;
const KEYWORD_PATTERNS = new Map<ProjectRule, RegExp>();

/** Where the rule's keywords start in the line. */
function keywordStartsIn(rule: ProjectRule, line: string): number[] {
  let pattern = KEYWORD_PATTERNS.get(rule);
  if (!pattern) KEYWORD_PATTERNS.set(rule, (pattern = new RegExp(rule.keywords.join('|'), 'gi')));
  const starts: number[] = [];
  pattern.lastIndex = 0;
  for (let found = pattern.exec(line); found !== null; found = pattern.exec(line)) {
    starts.push(found.index);
    pattern.lastIndex = found.index + 1;
  }
  return starts;
}

/** True when a keyword starts within KEYWORD_REACH characters of the match [start, end). */
function isNearAny(keywordStarts: readonly number[], start: number, end: number): boolean {
  return keywordStarts.some((keyword) => keyword >= start - KEYWORD_REACH && keyword <= end + KEYWORD_REACH);
}

/**
 * Where a rule with matchesStartInRequiredText can match, from the gate's scan; undefined when
 * the scan did not track its literals (ungated).
 */
function requiredTextStarts(rule: ProjectRule, state: CallState): number[] | undefined {
  const part = rule.matchesStartInRequiredText;
  if (part === undefined || !rule.requiredText || !state.literalStarts) return undefined;
  const starts: number[] = [];
  for (const literal of rule.requiredText) {
    const found = state.literalStarts(literal);
    if (found === undefined) return undefined;
    const offset = part === true ? 0 : literal.indexOf(part);
    for (const start of found) starts.push(start + offset);
  }
  return rule.requiredText.length > 1 ? starts.sort((left, right) => left - right) : starts;
}

function knownSecretCreator(matcher: FingerprintMatcher, state: CallState): SecretLintRuleCreator {
  const messages = foundMessage(KNOWN_SECRET_RULE_ID);
  return {
    messages,
    meta: { id: KNOWN_SECRET_RULE_ID, type: 'scanner', recommended: true, supportedContentTypes: ['text'] },
    create(context) {
      const t = context.createTranslator(messages);
      return {
        file(source) {
          // The matcher itself skips the HMAC of literals whose length no stored value has.
          for (const literal of extractLiterals(source.content, state.context.fileKind, MINIMUM_KNOWN_SECRET_LENGTH)) {
            const matches = matcher(literal.value);
            if (matches.length === 0) continue;
            state.matchedSecrets.set(reportKey(literal.start, literal.end), matches);
            context.report({ message: t('FOUND'), range: [literal.start, literal.end] });
          }
        },
      };
    },
  };
}

/** "found GitHub Token(****): ****" → "GitHub Token". */
function presetTitle(message: RuleReport): string {
  const title = message.message
    .replace(/\(?\*+\)?/g, '')
    .replace(/^found\s+/i, '')
    .replace(/[\s:]+$/, '')
    .trim();
  return title.length > 0 ? title.charAt(0).toUpperCase() + title.slice(1) : 'Credential';
}

/**
 * The line of each offset, for offsets that mostly ascend (a file's reports, sorted): newlines
 * are counted on from the last offset, so no table of every line's start is built (it was 6 MB
 * of garbage over the bench tree).
 */
class LineLocator {
  private offset = 0;
  /** The 0-based line of `offset`, and where it starts. */
  lineIndex = 0;
  lineStart = 0;

  /** "\n", or "\r" in a file whose lines end in a carriage return alone (as old Mac files and some saved web pages do). */
  private readonly lineBreak: string;

  constructor(private readonly text: string) {
    this.lineBreak = !text.includes('\n') && text.includes('\r') ? '\r' : '\n';
  }

  moveTo(offset: number): void {
    if (offset < this.offset) this.offset = this.lineIndex = this.lineStart = 0;
    const lineBreak = this.lineBreak;
    for (let newline = this.text.indexOf(lineBreak, this.offset); newline !== -1 && newline < offset; newline = this.text.indexOf(lineBreak, newline + 1)) {
      this.lineIndex += 1;
      this.lineStart = newline + 1;
    }
    this.offset = offset;
  }
}

const RANK: Record<string, number> = {};
PROJECT_RULES.forEach((rule, index) => (RANK[rule.id] = index + 1));
/** Preset rules first (rank 0), then the project rules in their listed order. */
function rankOf(ruleId: string): number {
  return RANK[ruleId] ?? 0;
}

function overlaps(left: readonly [number, number], right: readonly [number, number]): boolean {
  return left[0] < right[1] && right[0] < left[1];
}

/**
 * Keeps one finding per stretch of text: preset rules win over project rules, specific over
 * heuristic. Known-secret findings stand beside the others; they say which secret it is.
 */
function byStartThenRule(left: Finding, right: Finding): number {
  return left.range[0] - right.range[0] || compareRuleIds(left.ruleId, right.ruleId);
}

function dropOverlaps(findings: Finding[]): Finding[] {
  const byStart = byStartThenRule;
  const known = findings.filter((finding) => finding.ruleId === KNOWN_SECRET_RULE_ID);
  const others = findings.filter((finding) => finding.ruleId !== KNOWN_SECRET_RULE_ID).sort(byStart);
  const kept: Finding[] = [];
  // Overlaps only happen within a cluster of findings that chain into each other; clusters are
  // small, so the quadratic choice inside one stays cheap even in a file with thousands of findings.
  let cluster: Finding[] = [];
  let clusterEnd = -1;
  const settle = () => {
    const chosen: Finding[] = [];
    for (const finding of cluster.sort((left, right) => rankOf(left.ruleId) - rankOf(right.ruleId))) {
      if (!chosen.some((other) => overlaps(other.range, finding.range))) chosen.push(finding);
    }
    kept.push(...chosen);
  };
  for (const finding of others) {
    if (finding.range[0] >= clusterEnd && cluster.length > 0) {
      settle();
      cluster = [];
    }
    cluster.push(finding);
    clusterEnd = Math.max(clusterEnd, finding.range[1]);
  }
  settle();
  return [...kept, ...known].sort(byStart);
}

/**
 * A finding's confidence: a stored secret's value is certain; a project rule's report carries the
 * shared judgement's figure (or its certainty's default); a preset format is judged here, through
 * the same judgement (placeholders, shortened examples, template slots, documentation's ids).
 */
function confidenceOf(ruleId: string, projectRule: ProjectRule | undefined, literal: string, reported: number | undefined): number {
  if (ruleId === KNOWN_SECRET_RULE_ID) return 1;
  // A heuristic rule that reports no confidence of its own wants a provider's word on the line and its format (Datadog,
  // Zendesk, a custom warning pattern): surer than a short value under a credential name (0.6), hidden by default.
  if (projectRule) return reported ?? (projectRule.certainty === 'certain' ? 0.95 : 0.7);
  const format = judgeValue(literal, 'format').confidence;
  const url = format > 0 && URL_PASSWORD_RULE_IDS.has(ruleId) ? URL_PASSWORD.exec(literal) : null;
  if (url === null) return format;
  if (isNamedForItsUserOrDatabase(url[2], url[1], literal, url.index + url[0].length)) return 0;
  return Math.min(format, judgeUrlPassword(url[2]).confidence);
}

/** secretlint rules that report a URL with a password in it; the password is what is judged. */
const URL_PASSWORD_RULE_IDS = new Set([DATABASE_PRESET_RULE_ID, '@secretlint/secretlint-rule-basicauth']);
// The user ends at the first colon, the password at the last "@" before the host: `postgres://a@user:sec:ret@host`.
const URL_PASSWORD = /:\/\/([^:/\s]*):([^/\s]+)@/;


function buildRuleDescriptions(): Map<string, string> {
  const descriptions = new Map<string, string>();
  for (const rule of recommendedPreset.rules) {
    const id = rule.meta.id;
    if (id.endsWith('filter-comments')) continue;
    descriptions.set(id, `secretlint: ${id.replace(/^@secretlint\/secretlint-rule-/, '')}`);
  }
  for (const rule of PROJECT_RULES) descriptions.set(rule.id, rule.title);
  descriptions.set(KNOWN_SECRET_RULE_ID, 'The value of a stored secret');
  return descriptions;
}

const PROJECT_RULES_BY_ID = new Map(PROJECT_RULES.map((rule) => [rule.id, rule]));

/** Every rule id a finding can carry. */
export const DETECTOR_RULE_IDS: ReadonlySet<string> = new Set([...buildRuleDescriptions().keys(), FILTER_COMMENTS_RULE_ID]);
const compareRuleIds = ruleIdComparator(DETECTOR_RULE_IDS);

/**
 * Builds a detector: secretlint's recommended preset (AWS ID scanning on), the project's own rules
 * in the same rule API, known-secret matching, and suppression by comment, ignore file and allowlist.
 */
export function createDetector(optionsInput: DetectorOptions = {}, tuning: DetectorTuning = {}): Detector {
  const options = parseInput(detectorOptionsSchema, optionsInput);
  const suppressions: Suppressions = createSuppressions(options.ignoreFileText, options.allowlist as Allowlist | undefined);
  const customRules = (options.customPatterns ?? []).map(customPatternRule);
  const customRulesById = new Map(customRules.map((rule) => [rule.id, rule]));
  const enabledRules = [...PROJECT_RULES, ...customRules].filter((rule) => !isRuleDisabled(suppressions, rule.id));
  const everyFileRules = enabledRules.filter((rule) => !rule.executorFilesOnly);
  const gate =
    tuning.gatePresetRules === false
      ? undefined
      : new RuleGate(
          // Rules the allowlist turns off are kept, as secretlint keeps them inside a preset (it does
          // not honour `disabled` there): their reports are dropped below, and a turned-off
          // filter-comments still applies secretlint-disable comments, as it does ungated.
          recommendedPreset.rules.map((rule) => ({ id: rule.meta.id, rule, ...(rule.meta.id === AWS_RULE_ID ? { options: AWS_OPTIONS } : {}) })),
          enabledRules.flatMap((rule) => rule.requiredText ?? []),
          enabledRules.flatMap((rule) => (rule.matchesStartInRequiredText ? (rule.requiredText ?? []) : [])),
        );
  // The gate's case-insensitive triggers ride along in the keyword pass (see RuleGate.keywordRules).
  const gateKeywords = gate?.keywordRules ?? [];
  const filters = { everyFile: new KeywordFilter([...everyFileRules, ...gateKeywords]), executorFile: new KeywordFilter([...enabledRules, ...gateKeywords]) };
  const presetDisabled = isRuleDisabled(suppressions, PRESET_ID);
  const disabledPresetRules = recommendedPreset.rules
    .map((rule) => rule.meta.id)
    .filter((id) => isRuleDisabled(suppressions, id))
    .map((id) => ({ id, disabled: true }));
  const presetDescriptor: SecretLintCoreConfigUnionRule = {
    id: PRESET_ID,
    rule: recommendedPreset,
    rules: [{ id: AWS_RULE_ID, options: AWS_OPTIONS }, ...disabledPresetRules],
  };
  const knownSecretDisabled = isRuleDisabled(suppressions, KNOWN_SECRET_RULE_ID);
  const workspaceRoot = options.workspaceRoot ? path.resolve(options.workspaceRoot) : undefined;
  const minimumConfidence = options.minimumConfidence ?? DEFAULT_MINIMUM_CONFIDENCE;

  /** The path relative to the workspace, where the detector knows it; else as given. */
  function workspaceRelative(filePath: string): string {
    return workspaceRoot ? path.relative(workspaceRoot, path.resolve(workspaceRoot, filePath)) : filePath;
  }

  function isPathIgnored(filePath: string): boolean {
    if (!suppressions.hasPathRules) return false;
    const relative = workspaceRelative(filePath);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    return suppressions.paths.ignores(relative.split(path.sep).join('/'));
  }

  /** A JWT in a test's or a fixture's file that expires decades from now: made up to never expire. */
  function isTestsOwnJwt(literal: string, filePath: string): boolean {
    if (!expiresDecadesAway(literal, Date.now())) return false;
    return isTestPath(workspaceRelative(filePath));
  }

  function detect(input: DetectInput): Promise<Finding[]> {
    return detectWith(input, 'every-rule');
  }

  async function addKnownSecretFindings(input: DetectInput & { readonly fingerprintMatcher: FingerprintMatcher }, findings: readonly Finding[]): Promise<readonly Finding[]> {
    if (!mayHoldKnownSecret(input.text, input.filePath, input.fingerprintMatcher)) return findings;
    // Without the gate, filter-comments runs inside the whole preset: run it all, keep the known ones.
    const found = await detectWith(input, gate ? 'known-secret-rule' : 'every-rule');
    const known = found.filter((finding) => finding.ruleId === KNOWN_SECRET_RULE_ID);
    return known.length === 0 ? findings : [...findings, ...known].sort(byStartThenRule);
  }

  /**
   * False when no literal the known-secret rule would see in this text matches. The rule sees the
   * text without a byte-order mark and with a newline at the end; that newline changes no literal
   * (none spans a line end), so it is not appended here, which would copy the text. Most files stop here.
   */
  function mayHoldKnownSecret(text: string, filePath: string, matcher: FingerprintMatcher): boolean {
    if (knownSecretDisabled || isPathIgnored(filePath) || !mayMatchLiteralsOf(matcher, MINIMUM_KNOWN_SECRET_LENGTH)) return false;
    const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return someLiteral(content, fileKindOf(filePath), MINIMUM_KNOWN_SECRET_LENGTH, (value) => matcher(value).length > 0);
  }

  /** Every rule's findings, or only the known-secret rule's (with filter-comments, which can suppress them). */
  async function detectWith(input: DetectInput, rulesWanted: 'every-rule' | 'known-secret-rule'): Promise<Finding[]> {
    if (isPathIgnored(input.filePath)) return [];
    // secretlint drops a byte-order mark before its rules see the text, so their offsets would be one
    // short in the caller's text: lines and columns as an editor shows them (without the mark), ranges into the text given.
    if (input.text.charCodeAt(0) === 0xfeff) {
      const found = await detectWith({ ...input, text: input.text.slice(1) }, rulesWanted);
      return found.map((finding) => ({ ...finding, range: [finding.range[0] + 1, finding.range[1] + 1] as const }));
    }
    const isExecutorFile = input.isExecutorFile ?? false;
    const filter = isExecutorFile ? filters.executorFile : filters.everyFile;
    let state: CallState = {
      context: { content: input.text, filePath: input.filePath, fileKind: fileKindOf(input.filePath), isExecutorFile },
      matchedSecrets: new Map(),
      confidences: new Map(),
      candidateLines: filter.candidateLines(input.text),
    };
    const extension = path.extname(input.filePath);
    const gated = gate?.evaluate(input.text, extension, state.candidateLines);
    if (gated) state = { ...state, literalStarts: gated.literalStarts };
    const rules = rulesWanted === 'every-rule' ? rulesFor(input, state, gated) : knownSecretRulesFor(input, state, gated);
    // No rule can report here: skip secretlint's setup for this file.
    if (rules.length === 0) return [];
    // secretlint's disable-line comments miss the last line when it has no newline; one appended
    // at the end moves no offset.
    const content = input.text.endsWith('\n') ? input.text : `${input.text}\n`;
    // Gated, the rules are single scanner rules (no preset); without a disable comment in the file
    // nothing ignores a range, and they run without lintSource's per-file setup.
    const direct = gated !== undefined && !rules.some((rule) => rule.id === FILTER_COMMENTS_RULE_ID);
    const messages: readonly RuleReport[] = direct
      ? await runRules(rules as RunnableRule[], content, input.filePath, extension)
      : (
          await lintSource({
            source: { content, filePath: input.filePath, ext: extension, contentType: 'text' },
            options: { config: { rules }, maskSecrets: true, noPhysicFilePath: true },
          })
        ).messages;
    if (messages.length === 0) return [];
    const text = input.text;
    const lines = new LineLocator(text);
    const findings: Finding[] = [];
    for (let index = 0; index < messages.length; index += 1) {
      const finding = toFinding(messages[index], text, lines, state);
      if (finding) findings.push(finding);
    }
    return dropOverlaps(findings);
  }

  /** The rules that may report in this file. */
  function rulesFor(input: DetectInput, state: CallState, gated: GateResult | undefined): SecretLintCoreConfigUnionRule[] {
    const rules: SecretLintCoreConfigUnionRule[] = presetDisabled ? [] : gated ? [...gated.presetRules] : [presetDescriptor];
    const holds = gated ? gated.hasLiteral : (literal: string) => input.text.includes(literal);
    // Lockfiles, minified bundles and source maps: hashes and integrity strings, not credentials;
    // translations: words under credential-like names.
    const skipsHeuristicRules = generatedFileKind(input.filePath, input.text) !== undefined || isTranslationFile(input.filePath);
    // A rule none of whose keywords (or required literals) occur cannot find anything: it is not even registered.
    for (const rule of state.context.isExecutorFile ? enabledRules : everyFileRules) {
      if (skipsHeuristicRules && rule.certainty === 'heuristic') continue;
      if (rule.filePaths && !rule.filePaths.test(input.filePath)) continue;
      if (rule.keywords.length > 0 && !state.candidateLines.has(rule.id) && !namesInPath(rule, state)) continue;
      if (rule.requiredText && !rule.requiredText.some(holds)) continue;
      rules.push({ id: rule.id, rule: projectRuleCreator(rule, state) });
    }
    // With no stored value long enough to match, the literals need not even be found.
    if (input.fingerprintMatcher && !knownSecretDisabled && mayMatchLiteralsOf(input.fingerprintMatcher, MINIMUM_KNOWN_SECRET_LENGTH)) {
      rules.push({ id: KNOWN_SECRET_RULE_ID, rule: knownSecretCreator(input.fingerprintMatcher, state) });
    }
    return rules;
  }

  /** The known-secret rule, and filter-comments when the gate runs it here (its comments suppress known secrets too). */
  function knownSecretRulesFor(input: DetectInput, state: CallState, gated: GateResult | undefined): SecretLintCoreConfigUnionRule[] {
    if (!input.fingerprintMatcher || knownSecretDisabled) return [];
    const filterComments = presetDisabled || !gated ? [] : gated.presetRules.filter((rule) => rule.id === FILTER_COMMENTS_RULE_ID);
    return [...filterComments, { id: KNOWN_SECRET_RULE_ID, rule: knownSecretCreator(input.fingerprintMatcher, state) }];
  }

  /**
   * A report as a finding, or undefined when something suppresses it. Apart from detect(), which
   * runs once per file: the optimising compiler then compiles each of them smaller.
   */
  function toFinding(message: RuleReport, text: string, lines: LineLocator, state: CallState): Finding | undefined {
    const ruleId = message.ruleId;
    if (isRuleDisabled(suppressions, ruleId)) return undefined;
    const projectRule = PROJECT_RULES_BY_ID.get(ruleId) ?? customRulesById.get(ruleId);
    const range = presetReportRange(message, text);
    if (!range) return undefined;
    const [start, end] = range;
    const literal = text.slice(start, end);
    let confidence = confidenceOf(ruleId, projectRule, literal, state.confidences.get(`${ruleId} ${reportKey(start, end)}`));
    // Whichever rule found it: the JWT the file's own key signs is a test vector (isSignedWithKeyBeside),
    // and so is one a public key of the same file verifies, one in a test's file that expires decades from now (expiresDecadesAway),
    // and jwt.io's example (isJwtIoSample). Not an expired one a development server on localhost issued:
    // the rounds counted MinIO's documented STS tokens true.
    if (literal.startsWith('eyJ') && confidence >= minimumConfidence && (isSignedWithKeyBeside(literal, text) || isVerifiedByPublicKeyBeside(literal, text) || isTestsOwnJwt(literal, state.context.filePath) || isJwtIoSample(literal))) {
      confidence = Math.min(confidence, TEST_VECTOR_CONFIDENCE);
    }
    if (confidence < minimumConfidence) return undefined;
    lines.moveTo(start);
    if (isIgnoredInline(text, lines.lineStart, ruleId)) return undefined;
    if (isAllowedWithReason(text, start)) return undefined;
    if (isDeclaredExample(text, lines.lineStart, start)) return undefined;
    if (ruleId !== KNOWN_SECRET_RULE_ID && isCutByEllipsis(text, start, end)) return undefined;
    if (isInsideSecretReference(text, lines.lineStart, start, end)) return undefined;
    if (isAllowlisted(suppressions, ruleId, literal)) return undefined;
    if (ruleId === AWS_RULE_ID && isPresignedUrlKeyId(text, start, end)) return undefined;
    if (ruleId !== KNOWN_SECRET_RULE_ID && (isInGitHubSignedDownload(text, start) || isInSignedFileLink(text, start))) return undefined;
    let severity: FindingSeverity = 'error';
    let certainty: FindingCertainty = 'certain';
    let description: string;
    let matchedSecret: SecretReference | undefined;
    if (ruleId === KNOWN_SECRET_RULE_ID) {
      const matches = state.matchedSecrets.get(reportKey(start, end)) ?? [];
      matchedSecret = matches[0];
      description = `This is the value of ${matches.map(formatReference).join(', ')}`;
    } else if (projectRule) {
      severity = projectRule.severity;
      certainty = projectRule.certainty;
      description = `${projectRule.title}: ${maskCredential(literal)}`;
    } else {
      description = `${presetTitle(message)}: ${maskCredential(literal)}`;
    }
    // A last guard: a message never carries the literal, whatever a rule's title says.
    if (literal.length >= 4 && description.includes(literal)) description = description.split(literal).join('…');
    return {
      ruleId,
      message: description,
      severity,
      certainty,
      confidence,
      range: [start, end],
      line: lines.lineIndex + 1,
      column: start - lines.lineStart + 1,
      ...(matchedSecret ? { matchedSecret } : {}),
    };
  }

  const ruleDescriptions = new Map([...buildRuleDescriptions(), ...customRules.map((rule) => [rule.id, rule.title] as const)]);
  return { detect, addKnownSecretFindings, isPathIgnored, ruleDescriptions };
}
