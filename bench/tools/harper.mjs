// harper.js LocalLinter: Harper's Rust core compiled to WebAssembly, run on this thread. The binary is the
// .wasm file inside the npm package, read from disk (harper.js reads file: URLs with fs under Node): no network.
export const name = 'harper.js';

export async function load() {
  const { LocalLinter, Dialect } = await import('harper.js');
  const { binary } = await import('harper.js/binary');
  const linter = new LocalLinter({ binary, dialect: Dialect.British });
  await linter.setup();
  return { lint: async (text) => (await linter.lint(text)).length };
}
