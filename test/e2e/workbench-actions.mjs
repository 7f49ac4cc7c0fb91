// What a person does in the workbench, as playwright steps: open views, run commands, answer input boxes.

/** The single quick-input widget VS Code uses for the command palette, quick picks and input boxes. */
export function quickInput(page) {
  return page.locator('.quick-input-widget');
}

export async function openSecretManagerView(page) {
  const tab = page.getByRole('tab', { name: /Secret Manager/ });
  await tab.click();
  await page.getByRole('treeitem').first().waitFor();
}

/** A tree row by its label exactly (its accessible name is the tooltip, and its text runs into the description). */
export function treeItem(page, label) {
  return page.getByRole('treeitem').filter({ has: page.locator('.label-name').getByText(label, { exact: true }) });
}

/** Opens a workspace file in an editor through Quick Open. */
export async function openFile(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = quickInput(page).locator('input');
  await input.waitFor();
  await input.fill(fileName);
  await quickInput(page).locator('.monaco-list-row', { hasText: fileName }).first().waitFor();
  await input.press('Enter');
  await page.getByRole('tab', { name: new RegExp(fileName.replace('.', '\\.')) }).waitFor();
}

/** Drags the side bar's edge so tree rows show their descriptions in full. */
export async function widenSideBar(page, by = 140) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const x = box.x + box.width + 1;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + by, y, { steps: 5 });
  await page.mouse.up();
}

/** Runs a command from the command palette (F1) by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = quickInput(page).locator('input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await quickInput(page).locator('.monaco-list-row', { hasText: title }).first().waitFor();
  await input.press('Enter');
}

/** Waits for an input box showing `prompt`, types `text` (a password box hides it) and accepts. */
export async function answerInputBox(page, prompt, text, { password = false } = {}) {
  const widget = quickInput(page);
  await widget.locator('.quick-input-message', { hasText: prompt }).or(widget.getByText(prompt)).first().waitFor();
  const input = widget.locator(password ? 'input[type="password"]' : 'input');
  await input.fill(text);
  await input.press('Enter');
}

/** Chooses `label` in an open quick pick. */
export async function pickItem(page, placeholder, label) {
  const widget = quickInput(page);
  const input = widget.locator('input');
  await widget.locator(`input[placeholder*="${placeholder}"]`).waitFor();
  await input.fill(label);
  await widget.locator('.monaco-list-row', { hasText: label }).first().waitFor();
  await input.press('Enter');
}

/** Opens a tree row's context menu, chooses an entry, then waits for `expectation` (say, an input box). */
export async function chooseFromContextMenu(page, row, entry, expectation) {
  await row.click({ button: 'right' });
  const item = page.getByRole('menuitem', { name: entry });
  await item.waitFor({ timeout: 5_000 });
  // The menu ignores a click that comes too soon after it opened; hovering focuses the entry, Enter runs it.
  await item.hover();
  await page.keyboard.press('Enter');
  await expectation.waitFor({ timeout: 10_000 });
}
