import { defineConfig } from "@tailor-platform/sdk";
import { auth } from "./auth";

export default defineConfig({
  name: "sample-shop",
  auth,
  resolver: {
    "shop-resolvers": { files: ["resolvers/*.ts"] },
  },
  executor: {
    files: ["executors/*.ts"],
  },
});
