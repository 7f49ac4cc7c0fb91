/** When the extension bundle started loading; imported first by extension.ts so it runs first. */
export const moduleLoadStarted = performance.now();
