// Makes `import * as vscode from 'vscode'` in the extension's sources load the fake (unit tests run in plain Node).
// Import this module before any extension module.
import Module from 'node:module';

const fake = require.resolve('./unit/fake-vscode');
const original = (Module as unknown as { _resolveFilename: (...args: unknown[]) => string })._resolveFilename;
(Module as unknown as { _resolveFilename: (...args: unknown[]) => string })._resolveFilename = function (
  request: unknown,
  ...rest: unknown[]
) {
  return request === 'vscode' ? fake : original.call(this, request, ...rest);
};
