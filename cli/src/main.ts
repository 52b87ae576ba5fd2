import { isMainThread, workerData } from 'node:worker_threads';
import { parseCommandLine } from './args';
import { audit } from './audit/command';
import type { WorkerData } from './audit/pool';
import { startAuditWorker } from './audit/worker';
import { explainRule, listRules } from './catalogue';
import { check } from './check';
import { HELP } from './help';
import { Problems, UsageError } from './problems';
import { VERSION } from './version';

/** Runs one command line; resolves to the exit code (2 for any problem, else 1 for findings, else 0). */
export async function run(argv: string[]): Promise<number> {
  const problems = new Problems();
  let code = 0;
  try {
    const cmd = parseCommandLine(argv);
    if (cmd.name === 'help') process.stdout.write(HELP);
    else if (cmd.name === 'version') process.stdout.write(`${VERSION}\n`);
    else if (cmd.name === 'rules') code = listRules(cmd, problems);
    else if (cmd.name === 'explain') code = explainRule(cmd, problems);
    else if (cmd.name === 'audit') code = await audit(cmd, problems, __filename);
    else code = await check(cmd, problems);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`carelint: ${e.message}\nRun \`carelint --help\` for usage.\n`);
    return 2;
  }
  return problems.count > 0 ? 2 : code;
}

// dist/cli.js is also the audit's worker script: one bundle, started again inside each worker thread.
if (!isMainThread && (workerData as WorkerData | undefined)?.carelintAudit) startAuditWorker((workerData as WorkerData).carelintAudit);
else run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`carelint: internal error: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
