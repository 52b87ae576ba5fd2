// Entry of the in-browser API suite that @vscode/test-web loads into VS Code for the Web's extension host
// (a web worker: no Node, so mocha's browser build and no `assert` module).
import './mocha-setup';
import './suite';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} CareLint web test(s) failed.`)) : resolve()));
  });
}
