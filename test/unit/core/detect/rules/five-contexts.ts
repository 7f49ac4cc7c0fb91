import assert from 'node:assert/strict';
import { createDetector } from '../../../../../src/core/detect/detector';
import type { Finding } from '../../../../../src/core/detect/finding';

const detector = createDetector();

/** A credential written in one of the five ways the provider rules must all see. */
interface WrittenCredential {
  readonly label: string;
  readonly text: string;
  readonly filePath: string;
  readonly isExecutorFile?: boolean;
}

/**
 * The five contexts: a TypeScript constant, a bare call argument, a .env line, a YAML value and an
 * executor header. `word` names the provider in each, for rules that need it on the line.
 */
export function fiveContexts(value: string, word?: string): WrittenCredential[] {
  return [
    { label: 'a TypeScript constant', text: `const ${word ?? 'token'} = "${value}";\n`, filePath: '/workspace/src/settings.ts' },
    { label: 'a call argument', text: `const client = new Client("${value}"${word ? `, "${word}"` : ''});\n`, filePath: '/workspace/src/client.ts' },
    { label: '.env', text: `${(word ?? 'name').toUpperCase()}=${value}\n`, filePath: '/workspace/.env' },
    { label: 'YAML', text: `${word ?? 'name'}: ${value}\n`, filePath: '/workspace/config/app.yaml' },
    {
      label: 'an executor header',
      text: `export default { headers: { Authorization: "Bearer ${value}" } };${word ? ` // ${word}` : ''}\n`,
      filePath: '/workspace/executors/notify.ts',
      isExecutorFile: true,
    },
  ];
}

export async function detect(text: string, filePath = '/workspace/src/settings.ts', isExecutorFile = false): Promise<Finding[]> {
  return detector.detect({ text, filePath, isExecutorFile });
}

/**
 * In each of the five contexts: one finding, of `ruleId`, covering exactly the credential (the
 * part of the written value that `credentialOf` names; all of it by default).
 */
export async function assertFoundInFiveContexts(
  ruleId: string,
  make: () => string,
  word?: string,
  credentialOf: (value: string) => string = (value) => value,
): Promise<void> {
  for (const written of fiveContexts('VALUE', word)) {
    const value = make();
    const text = written.text.replace('VALUE', value);
    const findings = await detect(text, written.filePath, written.isExecutorFile);
    const described = findings.map((finding) => `${finding.ruleId} ${JSON.stringify(text.slice(...finding.range))}`);
    assert.equal(findings.length, 1, `${written.label}: expected one finding, got ${JSON.stringify(described)}`);
    assert.equal(findings[0].ruleId, ruleId, `${written.label}: ${described[0]}`);
    assert.equal(text.slice(...findings[0].range), credentialOf(value), `${written.label}: the range covers the credential`);
  }
}

/** One finding of `ruleId` in the text, covering exactly `credential`. */
export async function assertFinds(text: string, ruleId: string, credential: string, filePath?: string): Promise<void> {
  const findings = await detect(text, filePath);
  const described = findings.map((finding) => `${finding.ruleId} ${JSON.stringify(text.slice(...finding.range))}`);
  assert.equal(findings.length, 1, `expected one finding, got ${JSON.stringify(described)}`);
  assert.equal(findings[0].ruleId, ruleId, described[0]);
  assert.equal(text.slice(...findings[0].range), credential);
}

/** No finding at all. */
export async function assertNothingFound(text: string, filePath?: string): Promise<void> {
  const findings = await detect(text, filePath);
  assert.deepEqual(
    findings.map((finding) => `${finding.ruleId} ${JSON.stringify(text.slice(...finding.range))}`),
    [],
  );
}
