/** The clipboard as far as clearing it goes: VS Code's `env.clipboard` fits. */
export interface TextClipboard {
  readText(): PromiseLike<string>;
  writeText(text: string): PromiseLike<void>;
}

export interface ClipboardClear {
  /** Resolves to true when the clipboard was cleared, false when it held something else by then or was cancelled. */
  readonly done: Promise<boolean>;
  /** Cancels the clear (for example because a newer copy replaced it). */
  cancel(): void;
}

/**
 * Clears the clipboard after `seconds`, but only if it still holds `value`: if the user copied
 * something else meanwhile, that is left alone.
 */
export function scheduleClipboardClear(clipboard: TextClipboard, value: string, seconds: number): ClipboardClear {
  let cancel: () => void = () => {};
  const done = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      void clearIfUnchanged(clipboard, value).then(resolve, () => resolve(false));
    }, Math.max(0, seconds) * 1000);
    cancel = () => {
      clearTimeout(timer);
      resolve(false);
    };
  });
  return { done, cancel: () => cancel() };
}

async function clearIfUnchanged(clipboard: TextClipboard, value: string): Promise<boolean> {
  if ((await clipboard.readText()) !== value) return false;
  await clipboard.writeText('');
  return true;
}
