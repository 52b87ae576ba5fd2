import { join } from 'node:path';
import { parseCommandLine } from './args';
import { audit } from './audit/command';
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
    else if (cmd.name === 'audit') code = await audit(cmd, problems, join(__dirname, 'audit-worker.js'));
    else code = await check(cmd, problems);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`carelint: ${e.message}\nRun \`carelint --help\` for usage.\n`);
    return 2;
  }
  return problems.count > 0 ? 2 : code;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`carelint: internal error: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
