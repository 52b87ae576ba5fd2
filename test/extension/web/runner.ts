// A minimal BDD runner for the web worker extension host. Mocha's browser build cannot be used there: its UMD
// wrapper registers with VS Code's AMD loader, and a finished mocha run leaves VS Code for the Web unable to exit.
type Body = () => unknown;

interface Case {
  title: string;
  fn: Body;
}

const cases: Case[] = [];
const hooks = { before: [] as Body[], after: [] as Body[], afterEach: [] as Body[] };
let prefix = '';

export function describe(title: string, body: () => void): void {
  const outer = prefix;
  prefix = `${outer}${title} › `;
  body();
  prefix = outer;
}

export function it(title: string, fn: Body): void {
  cases.push({ title: `${prefix}${title}`, fn });
}

export const before = (fn: Body) => void hooks.before.push(fn);
export const after = (fn: Body) => void hooks.after.push(fn);
export const afterEach = (fn: Body) => void hooks.afterEach.push(fn);

async function within<T>(ms: number, work: () => T): Promise<Awaited<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)),
  );
  try {
    return await Promise.race([Promise.resolve().then(work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every registered case in order; prints one line per case and a mocha-style summary; rejects on any failure. */
export async function runAll(timeoutMs = 30_000): Promise<void> {
  const failures: string[] = [];
  let passes = 0;
  const fail = (title: string, e: unknown) => {
    failures.push(`${title}\n    ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    console.log(`  ✘ ${title}`);
  };
  try {
    for (const h of hooks.before) await within(timeoutMs, h);
    for (const c of cases) {
      const started = Date.now();
      try {
        await within(timeoutMs, c.fn);
        passes++;
        console.log(`  ✔ ${c.title} (${Date.now() - started} ms)`);
      } catch (e) {
        fail(c.title, e);
      }
      for (const h of hooks.afterEach) await within(timeoutMs, h).catch((e) => fail(`afterEach of ${c.title}`, e));
    }
  } catch (e) {
    fail('before all', e);
  } finally {
    for (const h of hooks.after) await within(timeoutMs, h).catch((e) => fail('after all', e));
  }
  console.log(`\n  ${passes} passing`);
  if (failures.length > 0) {
    console.log(`  ${failures.length} failing\n\n${failures.map((f, i) => `  ${i + 1}) ${f}`).join('\n\n')}`);
    throw new Error(`${failures.length} CareLint web test(s) failed.`);
  }
}
