// dist/cli.js, the `secret-manager` command: loads the CLI (dist/cli-main.js) through the code cache,
// and stores the cache at exit, once the command's own code has run and so is in it too.
import path from 'node:path';
import { requireWithCodeCache } from './code-cache';

const command = process.argv.slice(2).find((argument) => !argument.startsWith('-'));
// `run` sits in front of another program's start, so it loads only its own code (cli-run-main.js).
// Only as the first argument: elsewhere the word may be an option's value.
const bundle = process.argv[2] === 'run' ? 'cli-run-main.js' : 'cli-main.js';
// A scan runs the detection engine, which is inside cli-main.js too: it gets a cache of its own.
const cli = requireWithCodeCache(path.join(__dirname, bundle), process.env, bundle === 'cli-main.js' && command === 'scan' ? 'scan' : '');
process.once('exit', () => cli.saveCodeCache());
