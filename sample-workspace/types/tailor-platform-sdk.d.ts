// A small stand-in for the types of "@tailor-platform/sdk", which this sample does not install:
// just what the sample uses, so its files type-check in the editor. It is not the SDK's real API.

declare module "@tailor-platform/sdk" {
  /** A TailorDB field holding a `Value`; the type parameter exists only for the checker. */
  interface Field<Value> {
    readonly __value?: Value;
  }
  type Fields = Record<string, Field<unknown>>;
  type ValueOf<F> = F extends Field<infer Value> ? Value : never;
  type RecordOf<F extends Fields> = { readonly id: string } & { readonly [Name in keyof F]: ValueOf<F[Name]> };

  interface FieldOptions {
    optional?: boolean;
    description?: string;
  }
  type Optional<Value, Options> = Options extends { optional: true } ? Value | null : Value;

  interface TailorDBType<F extends Fields = Fields> {
    readonly name: string;
    readonly fields: F;
  }

  export const db: {
    type<F extends Fields>(name: string, fields: F): TailorDBType<F>;
    string<Options extends FieldOptions = {}>(options?: Options): Field<Optional<string, Options>>;
    int<Options extends FieldOptions = {}>(options?: Options): Field<Optional<number, Options>>;
    float<Options extends FieldOptions = {}>(options?: Options): Field<Optional<number, Options>>;
    bool<Options extends FieldOptions = {}>(options?: Options): Field<Optional<boolean, Options>>;
    datetime<Options extends FieldOptions = {}>(options?: Options): Field<Optional<string, Options>>;
  };

  /** What an event hands to an executor's operation. */
  interface Trigger<Event> {
    readonly kind: string;
    readonly __event?: Event;
  }
  interface TriggerOptions<F extends Fields, Event> {
    type: TailorDBType<F>;
    condition?: (event: Event) => boolean;
  }
  export function recordCreatedTrigger<F extends Fields>(
    options: TriggerOptions<F, { newRecord: RecordOf<F> }>,
  ): Trigger<{ newRecord: RecordOf<F> }>;
  export function recordUpdatedTrigger<F extends Fields>(
    options: TriggerOptions<F, { oldRecord: RecordOf<F>; newRecord: RecordOf<F> }>,
  ): Trigger<{ oldRecord: RecordOf<F>; newRecord: RecordOf<F> }>;
  export function recordDeletedTrigger<F extends Fields>(
    options: TriggerOptions<F, { oldRecord: RecordOf<F> }>,
  ): Trigger<{ oldRecord: RecordOf<F> }>;

  /** A secret in the Secret Manager, named by vault and key; the value is looked up when the webhook runs. */
  interface SecretReference {
    vault: string;
    key: string;
  }
  interface WebhookOperation<Event> {
    kind: "webhook";
    url: (event: Event) => string;
    headers?: Record<string, string | SecretReference>;
    requestBody?: (event: Event) => unknown;
  }
  interface FunctionOperation<Event> {
    kind: "function";
    body: (event: Event) => unknown;
  }
  interface Executor<Event> {
    name: string;
    description?: string;
    trigger: Trigger<Event>;
    operation: WebhookOperation<Event> | FunctionOperation<Event>;
  }
  export function createExecutor<Event>(executor: Executor<Event>): Executor<Event>;

  /** A GraphQL type of a resolver's input or output. */
  interface TypeDefinition<Value> {
    readonly __value?: Value;
  }
  type TypeDefinitions = Record<string, TypeDefinition<unknown>>;
  type Values<Shape extends TypeDefinitions> = { [Name in keyof Shape]: Shape[Name] extends TypeDefinition<infer Value> ? Value : never };

  export const t: {
    string(): TypeDefinition<string>;
    int(): TypeDefinition<number>;
    float(): TypeDefinition<number>;
    bool(): TypeDefinition<boolean>;
    object<Shape extends TypeDefinitions>(shape: Shape): TypeDefinition<Values<Shape>>;
  };

  interface Resolver<Input extends TypeDefinitions, Output> {
    name: string;
    description?: string;
    operation: "query" | "mutation";
    input?: Input;
    body: (context: { input: Values<Input> }) => Output | Promise<Output>;
    output: TypeDefinition<Output>;
  }
  export function createResolver<Input extends TypeDefinitions, Output>(resolver: Resolver<Input, Output>): Resolver<Input, Output>;

  /** A secret an IdP or SCIM setting reads from the Secret Manager. */
  interface AuthSecretReference {
    vaultName: string;
    secretKey: string;
  }
  interface AuthSettings {
    idProvider?: {
      name: string;
      kind: "OIDC" | "SAML" | "IDToken";
      clientId: string;
      clientSecret: AuthSecretReference;
      providerUrl: string;
    };
    scim?: {
      machineUserName: string;
      authorization: { type: "bearer"; bearerSecret: AuthSecretReference };
    };
  }
  interface Auth extends AuthSettings {
    readonly name: string;
  }
  export function defineAuth(name: string, settings: AuthSettings): Auth;

  /** Vaults and the secrets each holds, with where their values come from at deploy time. */
  type SecretDeclarations = Record<string, Record<string, string | undefined>>;
  export function defineSecretManager<Declarations extends SecretDeclarations>(vaults: Declarations): Declarations;

  interface Config {
    name: string;
    auth?: Auth;
    resolver?: Record<string, { files: string[]; ignores?: string[] }>;
    executor?: { files: string[]; ignores?: string[] };
    secrets?: SecretDeclarations;
  }
  export function defineConfig(config: Config): Config;

  /** The newer runtime's access to secret values. */
  export const secrets: {
    get(vault: string, key: string): Promise<string | undefined>;
    getAll(vault: string, keys: string[]): Promise<Record<string, string | undefined>>;
  };
}

/** What Tailor's function runtime provides to resolver and function bodies. */
declare const tailor: {
  readonly secretmanager: {
    getSecret(vault: string, key: string): Promise<string | undefined>;
    getSecrets(vault: string, keys: string[]): Promise<Record<string, string | undefined>>;
  };
};
