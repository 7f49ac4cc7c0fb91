// Opens the VS Code workbench served by code-server in Debian's headless Chromium, driven by playwright-core.
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.SECRET_MANAGER_CHROMIUM || '/usr/bin/chromium';

/** Launches headless Chromium with a fresh profile (playwright gives each launch its own user-data-dir). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // The browser needs no keychain; keeping it off the test session bus keeps that bus quiet.
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DBUS_SESSION_BUS_ADDRESS')),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--password-store=basic',
    ],
  });
}

/**
 * Loads a workbench URL whose payload names an extensionTestsPath and waits for the tests module to settle.
 * Every workbench log line (the extension host's console included) goes to `onLog(level, message)`.
 * Resolves with the exit code VS Code reports (0 pass, 1 fail), or rejects after `timeoutMs`.
 */
export async function runTestsInWorkbench(browser, url, { onLog, timeoutMs, viewport = { width: 1400, height: 900 } }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  let finish;
  const exitCode = new Promise((resolve) => {
    finish = resolve;
  });
  // The smoke-test driver calls these two globals; they must exist before the page loads.
  await page.exposeFunction('codeAutomationLog', (level, message) => onLog(level, String(message)));
  await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
  page.on('pageerror', (error) => onLog('pageerror', error.message));
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the tests did not finish within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await page.goto(url);
    return await Promise.race([exitCode, timeout]);
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => {});
  }
}
