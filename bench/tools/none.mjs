// No tool at all: a process that reads the text and lints nothing. Its peak RSS is what Node and the text cost
// before any checker starts, the baseline under every tool's peak RSS (not one of the compared TOOLS).
export const name = 'Node alone (reads the text, lints nothing)';

export async function load() {
  return { lint: (text) => text.length };
}
