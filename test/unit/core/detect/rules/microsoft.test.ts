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

  it("finds Azure AI services' annotated keys in the five contexts, and not 32 hex that a gateway's access log names beside an OpenAI URL", async () => {
    await assertFoundInFiveContexts('secret-manager/azure-annotated-key', fake.azureAnnotatedKey);
    await assertNothingFound(`192.168.215.1 - - [21/Mar/2025:04:28:03 +0000] api.openai.com "POST /anything HTTP/1.1" 200 804 "https://api.openai.com/v1/chat/completions" "${hex(32)}" "ai_chat"\n`, '/w/docs/plugins/ai-proxy.md');
    const key = hex(32);
    await assertFinds(`AZURE_OPENAI_KEY=${key} # https://x.openai.azure.com\n`, 'secret-manager/azure-openai-key', key, '/w/.env');
  });

  it('keeps the connection-string rule for AccountKey=', async () => {
    const key = fake.azureAccountKey();
    await assertFinds(`const azure = "AccountName=store;${join('Account', 'Key=')}${key};";\n`, 'secret-manager/azure-connection-string', key);
    // The alphabet typed where the key goes, a scanner's test data.
    await assertNothingFound(`${join('Account', 'Key=')}ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/ABCDEFGHIJKLMNOPQRSTUV==\n`, '/w/testdata/azure-storage-account-key.txt');
    // Text typed and encoded where the random bytes go: "0123…" and zeros.
    for (const typed of ['0123456789abcdef'.repeat(4), '0'.repeat(64)]) {
      await assertNothingFound(`const azure = "AccountName=mylogstorage;${join('Account', 'Key=')}${Buffer.from(typed).toString('base64')};EndpointSuffix=core.windows.net";\n`, '/w/src/sinks/azure_blob/config.rs');
    }
  });

  it('finds an ASP.NET Core Data Protection master key stored unencrypted, and not one encrypted', async () => {
    const key = Buffer.from(randomText(64)).toString('base64');
    const ring = (body: string) =>
      `<?xml version="1.0" encoding="utf-8"?>\n<key id="768c1632-cf7b-41a9-bb7a-bff228ae8fba" version="1">\n  <descriptor>\n    <descriptor>\n${body}\n    </descriptor>\n  </descriptor>\n</key>\n`;
    await assertFinds(
      ring(`      <masterKey p4:requiresEncryption="true" xmlns:p4="http://schemas.asp.net/2015/03/dataProtection">\n        <!-- Warning: the key below is in an unencrypted form. -->\n        <value>${key}</value>\n      </masterKey>`),
      'secret-manager/aspnet-data-protection-key',
      key,
      '/w/src/Web/key-768c1632-cf7b-41a9-bb7a-bff228ae8fba.xml',
    );
    await assertNothingFound(`const teamsWebhook = '${['https://outlook.office', '.com/webhook/'].join('')}${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}@${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}/IncomingWebhook/${'0'.repeat(32)}/${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}';\n`);
    await assertNothingFound(ring(`      <encryptedSecret decryptorType="Microsoft.AspNetCore.DataProtection.XmlEncryption.DpapiXmlDecryptor">\n        <encryptedKey><value>${key}</value></encryptedKey>\n      </encryptedSecret>`), '/w/keys/key-1.xml');
  });

  it('finds Azure shared access signatures in the five contexts, the signature being the credential', async () => {
    await assertFoundInFiveContexts('secret-manager/azure-sas-token', fake.azureSasToken, undefined, (value) => value.slice(value.indexOf('sig=') + 4));
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
    await assertNothingFound(`<video src="https://media.blob.core.windows.net/asset/clip.mp4?sv=2015-07-08&amp;sr=c&amp;sig=${randomText(40)}aB7%3D&amp;se=2030-01-01"></video>\n`);
    await assertNothingFound(`<script>window.config = {"src": "https://media.blob.core.windows.net/a/clip.mp4?sv=2015-07-08&sr=c&sig=${randomText(40)}aB7%3D"}</script>\n`, '/workspace/tests/data/html/recipe.html');
    await assertNothingFound(`{"providerRequestId":"req_${hex(32)}","provider":"openai"}\n`, '/workspace/fixtures/headless.json');
    // A sig= without the service version beside it is some other signature.
    await assertNothingFound(`const url = "https://cdn.example.com/file?expires=1700000000&sig=${randomText(40)}aB7%3D";\n`);
  });
});
