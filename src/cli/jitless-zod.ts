// Turns off zod's compiled fast paths in a bundle whose schemas each parse once or twice before the
// command starts (cli-run-resolve.js): compiling one (with new Function) costs more than it saves.
// zod makes that choice when a schema is built, so this module is the bundle's first import: an
// import is evaluated before the module that imports it, and those built schemas that did not know yet.
import * as z from 'zod';

z.config({ jitless: true });
