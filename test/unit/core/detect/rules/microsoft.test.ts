import { fake, hex, join, randomText } from '../fake-credentials';
import { assertFinds, assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

describe('core/detect/rules/microsoft', () => {
  it('finds Teams incoming-webhook URLs on the old and the new host in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/teams-webhook', fake.teamsWebhook);
    await assertFoundInFiveContexts('secret-manager/teams-webhook', fake.teamsLegacyWebhook);
  });

  it('finds Logic Apps workflow trigger URLs with a signature in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/azure-workflow-trigger-url', fake.logicAppTriggerUrl);
  });

  it('finds Entra client secrets in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/entra-client-secret', fake.entraClientSecret);
  });

  it('finds Azure storage and OpenAI keys where the line speaks of Azure', async () => {
    await assertFoundInFiveContexts('secret-manager/azure-storage-key', fake.azureStorageKey, 'azure_storage');
    await assertFoundInFiveContexts('secret-manager/azure-openai-key', fake.azureOpenAiKey, 'azure_openai');
    await assertFoundInFiveContexts('secret-manager/azure-storage-key', fake.azureStorageKey, 'accountKey');
  });

  it('keeps the connection-string rule for AccountKey=', async () => {
    const key = fake.azureAccountKey();
    await assertFinds(`const azure = "AccountName=store;${join('Account', 'Key=')}${key};";\n`, 'secret-manager/azure-connection-string', key);
  });

  it('leaves near-misses alone', async () => {
    // A Teams URL without its ids, a workflow URL without a signature.
    await assertNothingFound(`const docs = "https://contoso.webhook.office.com/webhookb2/";\n`);
    await assertNothingFound(`const url = "${join('https://prod-01.westus.', 'logic.azure.com/workflows/', hex(32), '/triggers/manual/paths/invoke?api-version=2016-06-01')}";\n`);
    // "Q~" inside longer text, or with no digit before it.
    await assertNothingFound(`const value = "${join(randomText(3), 'x', 'Q~', randomText(34))}";\n`);
    await assertNothingFound(`const value = "${join(randomText(8), '8', 'Q~', randomText(34))}";\n`);
    // Integrity hashes and Azure lines with a hash that is no key.
    await assertNothingFound(`  "integrity": "sha512-${randomText(86, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789+/')}==",\n`, '/workspace/package-lock.json');
    await assertNothingFound(`const azureStorage = "${randomText(86, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}==";\n`);
    await assertNothingFound(`const hash = "${hex(32)}"; // uploaded to storage\n`);
    await assertNothingFound(`const azureRegion = "${randomText(32, 'abcdef')}";\n`);
  });
});
