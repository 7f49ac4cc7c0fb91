import { db } from "@tailor-platform/sdk";

export const order = db.type("Order", {
  customerEmail: db.string(),
  totalCents: db.int(),
  paid: db.bool(),
  chargeId: db.string({ optional: true }),
});
