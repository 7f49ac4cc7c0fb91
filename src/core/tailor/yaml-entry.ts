// The YAML parser as a bundle of its own (dist/yaml.js), loaded only when a tailor-sdk config file is
// read: bundled into the store code, its 0.26 MB would be loaded by `secret-manager run` and every
// other command that opens a store.
export { parse } from 'yaml';
