/** `carelint-ls [--stdio]`: the CareLint language server on standard input and output. */
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { startServer } from './server';

const args = process.argv.slice(2);
// Clients add their own process id (vscode-languageclient: --clientProcessId=<pid>); the server watches it through LSP's processId.
const unknown = args.filter(
  (a) => a !== '--stdio' && a !== '--version' && a !== '--help' && !a.startsWith('--clientProcessId'),
);
if (args.includes('--version')) {
  process.stdout.write(`${typeof CARELINT_VERSION === 'string' ? CARELINT_VERSION : '0.0.0-dev'}\n`);
} else if (args.includes('--help') || unknown.length > 0) {
  if (unknown.length > 0) process.stderr.write(`carelint-ls: unknown option ${unknown.join(' ')}\n`);
  process.stderr.write(
    'Usage: carelint-ls [--stdio]\nThe CareLint language server speaks LSP on standard input and output (--stdio is the default and only transport).\n',
  );
  process.exitCode = args.includes('--help') ? 0 : 2;
} else {
  startServer(
    createConnection(
      ProposedFeatures.all,
      new StreamMessageReader(process.stdin),
      new StreamMessageWriter(process.stdout),
    ),
  );
}

declare const CARELINT_VERSION: string | undefined;
