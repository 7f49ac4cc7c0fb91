import assert from 'node:assert/strict';
import { scheduleClipboardClear, type TextClipboard } from '../../../src/core/clipboard-guard';

class MemoryClipboard implements TextClipboard {
  text = '';
  async readText() {
    return this.text;
  }
  async writeText(text: string) {
    this.text = text;
  }
}

describe('core/clipboard-guard', () => {
  it('clears the clipboard when it still holds the value', async () => {
    const clipboard = new MemoryClipboard();
    clipboard.text = 'canary-value';
    const clear = scheduleClipboardClear(clipboard, 'canary-value', 0.02);
    assert.equal(clipboard.text, 'canary-value');
    assert.equal(await clear.done, true);
    assert.equal(clipboard.text, '');
  });

  it('leaves the clipboard alone when it changed meanwhile', async () => {
    const clipboard = new MemoryClipboard();
    clipboard.text = 'canary-value';
    const clear = scheduleClipboardClear(clipboard, 'canary-value', 0.02);
    clipboard.text = 'something the user copied';
    assert.equal(await clear.done, false);
    assert.equal(clipboard.text, 'something the user copied');
  });

  it('does nothing once cancelled', async () => {
    const clipboard = new MemoryClipboard();
    clipboard.text = 'canary-value';
    const clear = scheduleClipboardClear(clipboard, 'canary-value', 0.02);
    clear.cancel();
    assert.equal(await clear.done, false);
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.equal(clipboard.text, 'canary-value');
  });
});
