import { defineAuth } from "@tailor-platform/sdk";

export const auth = defineAuth("shop-auth", {
  idProvider: {
    name: "corporate-sso",
    kind: "OIDC",
    clientId: "sample-shop-client",
    clientSecret: { vaultName: "idp-credentials", secretKey: "oidc-client-secret" },
    providerUrl: "https://login.example.com/",
  },
  scim: {
    machineUserName: "scim-provisioner",
    authorization: {
      type: "bearer",
      bearerSecret: { vaultName: "idp-credentials", secretKey: "scim-bearer-token" },
    },
  },
});
