/** A span of source text as 0-based offsets, `end` exclusive. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** How a reference is written. */
export type ReferenceForm =
  /** `{ vault: "v", key: "k" }`, executor webhook headers. */
  | 'vault-key-object'
  /** `{ vaultName: "v", secretKey: "k" }`, defineAuth clientSecret and SCIM bearerSecret. */
  | 'vault-name-secret-key-object'
  /** `{ vaultName: "v", secretName: "k" }`: two of Tailor's tutorials write it, but the SDK wants `secretKey` (see likelyTypo). */
  | 'vault-name-secret-name-object'
  /** `"{{secret.v.k}}"` inside a string, in webhook headers (Tailor's Shopify guide). */
  | 'secret-template'
  /** `tailor.secretmanager.getSecret("v", "k")`; also a bare `getSecret` destructured or imported from the client. */
  | 'get-secret'
  /** `tailor.secretmanager.getSecrets("v", ["k1", "k2"])`, one reference per key. */
  | 'get-secrets'
  /** `secrets.get("v", "k")`. */
  | 'secrets-get'
  /** `secrets.getAll("v", ["k1", "k2"])`, one reference per key. */
  | 'secrets-get-all'
  /** `secrets.value("v", "k")`, an IdP's clientSecret in `idp.oidc(…)`. */
  | 'secrets-value'
  /** `defineSecretManager({ v: { k: … } })`, a declaration. */
  | 'declaration'
  /** `defineSecret("v", { k: { description } })`, a declaration (the platform's Secret Manager guide). */
  | 'define-secret'
  /** `NAME=secret-manager://v/k` in an env file, which `secret-manager run` resolves. */
  | 'env-file';

/** A property name that is almost certainly a mistake for another: `secretName` for `secretKey`. */
export interface PropertyTypo {
  readonly written: string;
  readonly intended: string;
  /** The property name's text, inside any quotes. */
  readonly range: TextRange;
}

/** A reference found in source text. Names are as written; they may break the naming rule. */
export interface FoundReference {
  readonly vault: string;
  readonly key: string;
  readonly form: ReferenceForm;
  /** The vault name's text, inside the quotes. */
  readonly vaultRange: TextRange;
  /** The key name's text, inside the quotes. */
  readonly keyRange: TextRange;
  /** The whole expression: the object literal, the call, or the declared key's property. */
  readonly range: TextRange;
  readonly isDeclaration: boolean;
  /** Set when the reference is written with a misspelt property, which the SDK would reject. */
  readonly likelyTypo?: PropertyTypo;
}

export type QuoteCharacter = '"' | "'" | '`';

/** Where the cursor is, for completion. */
export type CompletionContext =
  | {
      readonly kind: 'vault';
      /** The text to replace with the chosen name (the literal's contents, or the partial word). */
      readonly replaceRange: TextRange;
      /** The literal's quote, or undefined when no quote is typed yet and the name must be quoted. */
      readonly quote: QuoteCharacter | undefined;
      readonly typed: string;
    }
  | {
      readonly kind: 'key';
      /** The sibling vault name, when it is a literal. */
      readonly vault: string | undefined;
      readonly replaceRange: TextRange;
      readonly quote: QuoteCharacter | undefined;
      readonly typed: string;
    }
  | {
      readonly kind: 'header-value';
      /** The header's name, such as "Authorization". */
      readonly headerName: string | undefined;
      /** What a `{ vault, key }` snippet replaces: the value typed so far, or an empty range at the cursor. */
      readonly replaceRange: TextRange;
      readonly quote: undefined;
      readonly typed: string;
      /** "," when the value is typed above another property (`"X-Other": |` in the middle of the object), so the snippet keeps the object valid. */
      readonly suffix?: string;
    };

/** Where a string literal sits, which decides how it is replaced by a reference. */
export type ReplacementContextKind = 'executor-header' | 'auth-secret' | 'function-body' | 'other';

export interface TextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

export interface ReplacementPlan {
  readonly context: ReplacementContextKind;
  /** The literal, quotes included. */
  readonly literalRange: TextRange;
  /** The header, property or variable the literal is assigned to, for naming the new secret. */
  readonly ownerName: string | undefined;
  /** The executor's `name`, when the literal sits in a createExecutor call. */
  readonly executorName: string | undefined;
  /** True when the replacement needs `await` inside a function that is not async. */
  readonly needsAsync: boolean;
  /** Adds `async` to the enclosing function, when needsAsync; undefined for a constructor or accessor, which cannot be async. */
  readonly asyncEdit: TextEdit | undefined;
}

/** The tailor.config.ts sections whose `files` globs name the files the SDK bundles. */
export type ConfigSection = 'executor' | 'resolver' | 'workflow' | 'httpAdapter';

/** One `{ files, ignores? }` of a config: `executor`, `workflow`, `httpAdapter`, or one resolver namespace. */
export interface ConfigFileSet {
  readonly section: ConfigSection;
  readonly files: readonly string[];
  /** undefined when the config does not set them: the SDK then ignores tests and specs. */
  readonly ignores: readonly string[] | undefined;
}

/** The tailor.config.ts settings that say which files hold executors and functions. */
export interface ExecutorConfig {
  readonly fileSets: readonly ConfigFileSet[];
  /** Sections whose `files` are not literal strings, so they cannot be known without running the config. */
  readonly unreadSections: readonly ConfigSection[];
}
