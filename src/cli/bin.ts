// dist/cli.js, the `secret-manager` command: loads the CLI (dist/cli-main.js) through the code cache,
// and stores the cache at exit, once the command's own code has run and so is in it too.
import path from 'node:path';
import { requireWithCodeCache } from './code-cache';

// A scan runs the detection engine, which is inside cli-main.js too: it gets a cache of its own.
const command = process.argv.slice(2).find((argument) => !argument.startsWith('-'));
const cli = requireWithCodeCache(path.join(__dirname, 'cli-main.js'), process.env, command === 'scan' ? 'scan' : '');
process.once('exit', () => cli.saveCodeCache());
