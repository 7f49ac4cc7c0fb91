import { createExecutor, recordUpdatedTrigger } from "@tailor-platform/sdk";
import { order } from "../tailordb/order";

// Mails a receipt once an order is paid.
export default createExecutor({
  name: "send-receipt",
  trigger: recordUpdatedTrigger({
    type: order,
    condition: ({ oldRecord, newRecord }) => !oldRecord.paid && newRecord.paid,
  }),
  operation: {
    kind: "webhook",
    url: () => "https://api.sendgrid.com/v3/mail/send",
    headers: {
      Authorization: { vault: "api-keys", key: "sendgrid-api-key" },
      "Content-Type": "application/json",
    },
    requestBody: ({ newRecord }) => ({
      personalizations: [{ to: [{ email: newRecord.customerEmail }] }],
      from: { email: "shop@example.com" },
      subject: "Your receipt",
      content: [{ type: "text/plain", value: `Thank you for order ${newRecord.id}.` }],
    }),
  },
});
