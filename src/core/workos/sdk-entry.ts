// WorkOS's SDK as a bundle of its own (dist/workos-sdk.js), loaded only when a WorkOS store opens:
// bundled into the store code, its 0.5 MB would be read and parsed by every CLI command and at activation.
export { WorkOS } from '@workos-inc/node';
