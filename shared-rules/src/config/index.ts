// `.carelintrc.json` for every host: parse and validate (parse.ts), then compile custom rules (load.ts).
export { CONFIG_FILE_NAME, parseConfig, type ConfigProblem, type ParsedConfig } from './parse';
export { loadConfig, locateCustomRuleIssue, type LoadedConfig } from './load';
export { nearest } from './did-you-mean';
