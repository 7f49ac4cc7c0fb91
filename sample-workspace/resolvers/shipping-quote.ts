import { createResolver, t } from "@tailor-platform/sdk";

// Asks the carrier for a shipping quote; the carrier's API key is read from the Secret Manager at run time.
export default createResolver({
  name: "shippingQuote",
  operation: "query",
  input: { postalCode: t.string(), weightGrams: t.int() },
  body: async ({ input }) => {
    const apiKey = await tailor.secretmanager.getSecret("api-keys", "carrier-api-key");
    const response = await fetch("https://carrier.example.com/v1/quotes", {
      method: "POST",
      headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify(input),
    });
    const quote = (await response.json()) as { priceCents: number };
    return { priceCents: quote.priceCents };
  },
  output: t.object({ priceCents: t.int() }),
});
