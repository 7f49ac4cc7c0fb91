import { createExecutor, recordCreatedTrigger } from "@tailor-platform/sdk";
import { order } from "../tailordb/order";

// Charges the customer when an order is created. The API key stays in the Secret Manager.
export default createExecutor({
  name: "charge-on-order",
  description: "Create a Stripe charge for every new order",
  trigger: recordCreatedTrigger({ type: order }),
  operation: {
    kind: "webhook",
    url: () => "https://api.stripe.com/v1/charges",
    headers: {
      Authorization: { vault: "api-keys", key: "stripe-secret-key" },
      "Content-Type": "application/x-www-form-urlencoded",
    },
    requestBody: ({ newRecord }) => ({
      amount: newRecord.totalCents,
      currency: "usd",
      description: `order ${newRecord.id}`,
    }),
  },
});
