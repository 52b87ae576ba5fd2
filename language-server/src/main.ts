/** `carelint-ls [--stdio]`: the CareLint language server on standard input and output. */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server';

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${typeof CARELINT_VERSION === 'string' ? CARELINT_VERSION : '0.0.0-dev'}\n`);
} else if (args.includes('--help') || args.some((a) => a !== '--stdio' && !a.startsWith('--clientProcessId'))) {
  process.stderr.write('Usage: carelint-ls [--stdio]\nThe CareLint language server speaks LSP on standard input and output (--stdio is the default and only transport).\n');
  process.exitCode = args.includes('--help') ? 0 : 2;
} else {
  startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)));
}

declare const CARELINT_VERSION: string | undefined;
