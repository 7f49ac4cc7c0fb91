/**
 * A schema built the first time it is used. Building a zod schema costs more than it looks (about a
 * fifth of a millisecond for a small object), and a module's schemas would otherwise all be built when
 * it loads, also in `secret-manager run`, which uses three of them before it starts a command. The
 * stand-in forwards every read to the built schema, so it parses, composes and narrows as the schema
 * does; zod's methods are closures over their schema, so they run on the built one.
 */
export function lazySchema<Schema extends object>(build: () => Schema): Schema {
  let built: Schema | undefined;
  const schema = (): Schema => (built ??= build());
  return new Proxy({} as Schema, {
    get: (_target, property) => Reflect.get(schema(), property),
    has: (_target, property) => Reflect.has(schema(), property),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
