import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadParser } from '../../../../src/core/references/load-parser';
import type { TextEdit } from '../../../../src/core/references/types';

const parser = loadParser();

function applied(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((left, right) => right.range.start - left.range.start).reduce((result, edit) => result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end), text);
}

function added(text: string, vault = 'crm-keys', key = 'new-key', fileName = 'secrets.ts'): string | undefined {
  const plan = parser.planDeclarationEditInText(fileName, text, vault, key, 'NEW_KEY');
  return plan && applied(text, plan.edits);
}

describe('core/references/declaration-edit', () => {
  it('adds a line with the same indentation after the last key, keeping the trailing comma', () => {
    const text = ['defineSecretManager({', '  "crm-keys": {', '    "hubspot-token": process.env.HUBSPOT_TOKEN!,', '  },', '});'].join('\n');
    assert.equal(
      added(text),
      ['defineSecretManager({', '  "crm-keys": {', '    "hubspot-token": process.env.HUBSPOT_TOKEN!,', '    "new-key": process.env.NEW_KEY!,', '  },', '});'].join('\n'),
    );
  });

  it('adds the missing comma when the last key has none, and puts the new line after its comment', () => {
    const text = ['defineSecretManager({', '\t"crm-keys": {', '\t\t"hubspot-token": process.env.HUBSPOT_TOKEN! // the CRM', '\t},', '});'].join('\n');
    assert.equal(
      added(text),
      ['defineSecretManager({', '\t"crm-keys": {', '\t\t"hubspot-token": process.env.HUBSPOT_TOKEN!, // the CRM', '\t\t"new-key": process.env.NEW_KEY!', '\t},', '});'].join('\n'),
    );
  });

  it('writes a one-line object on one line, with or without a trailing comma', () => {
    assert.equal(added('defineSecretManager({ "crm-keys": { "a-key": process.env.A! } });'), 'defineSecretManager({ "crm-keys": { "a-key": process.env.A!, "new-key": process.env.NEW_KEY! } });');
    assert.equal(added('defineSecretManager({ "crm-keys": { "a-key": process.env.A!, } });'), 'defineSecretManager({ "crm-keys": { "a-key": process.env.A!, "new-key": process.env.NEW_KEY!, } });');
    assert.equal(added('defineSecretManager({ "crm-keys": {} });'), 'defineSecretManager({ "crm-keys": { "new-key": process.env.NEW_KEY! } });');
  });

  it('keeps the closing brace when it shares the last key\'s line', () => {
    assert.equal(added('defineSecretManager({\n  "crm-keys": {\n    "a-key": process.env.A! },\n});'), 'defineSecretManager({\n  "crm-keys": {\n    "a-key": process.env.A!,\n    "new-key": process.env.NEW_KEY! },\n});');
  });

  it('follows the siblings: their quote, their `!`, and no `!` in JavaScript', () => {
    assert.equal(added("defineSecretManager({ 'crm-keys': { 'a-key': process.env.A } });"), "defineSecretManager({ 'crm-keys': { 'a-key': process.env.A, 'new-key': process.env.NEW_KEY } });");
    assert.equal(added('defineSecretManager({ crm: { token: process.env.A! } });', 'crm'), 'defineSecretManager({ crm: { token: process.env.A!, "new-key": process.env.NEW_KEY! } });');
    assert.equal(added('defineSecretManager({ "crm-keys": {} });', 'crm-keys', 'new-key', 'secrets.mjs'), 'defineSecretManager({ "crm-keys": { "new-key": process.env.NEW_KEY } });');
  });

  it('finds the vault through `as const`, `satisfies` and parentheses, and in a config\'s secrets property', () => {
    assert.equal(
      added('export default defineConfig({ secrets: defineSecretManager(({ "crm-keys": { "a-key": process.env.A! } as const }) satisfies object, { ignoreNullishValues: true }) });'),
      'export default defineConfig({ secrets: defineSecretManager(({ "crm-keys": { "a-key": process.env.A!, "new-key": process.env.NEW_KEY! } as const }) satisfies object, { ignoreNullishValues: true }) });',
    );
  });

  it('plans nothing for a vault the file does not declare', () => {
    assert.equal(added('defineSecretManager({ "other-vault": { "a-key": process.env.A! } });'), undefined);
    assert.equal(added('const config = { "crm-keys": { "a-key": process.env.A! } };'), undefined);
  });

  it('edits the fixture\'s secrets.ts so that the new key is found as a declaration of the vault', () => {
    const file = path.join(__dirname, '../../../fixtures/tailor-projects/declared-vault/secrets.ts');
    const text = readFileSync(file, 'utf8');
    const edited = added(text, 'crm-keys', 'zendesk-token')!;
    const declarations = parser.findReferencesInText(file, edited).filter((reference) => reference.isDeclaration);
    assert.deepEqual(
      declarations.map((declaration) => `${declaration.vault}/${declaration.key}`),
      ['payment-keys/stripe-secret-key', 'payment-keys/stripe-webhook-secret', 'crm-keys/hubspot-token', 'crm-keys/salesforce-token', 'crm-keys/zendesk-token'],
    );
    assert.match(edited, /\n {6}"salesforce-token": process\.env\.SALESFORCE_TOKEN!,\n {6}"zendesk-token": process\.env\.NEW_KEY!,\n {4}\},/);
  });
});
