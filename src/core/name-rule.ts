// Without zod, so that code that only checks names (the env-file grammar of `secret-manager run`) stays small.

/** Tailor's naming rule, shared by vaults and secrets. */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
export const NAME_RULE =
  '3–63 characters: lowercase letters, digits and "-", starting and ending with a letter or digit';
