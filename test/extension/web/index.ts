// Entry of the in-browser API suite that @vscode/test-web loads into VS Code for the Web's extension host
// (a web worker: no Node, no `assert`, no mocha; see runner.ts).
import { runAll } from './runner';
import './suite';

export function run(): Promise<void> {
  return runAll();
}
