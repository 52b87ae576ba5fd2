// write-good: plain-English style checks (passive voice, weasel words, …) with its default checks.
export const name = 'write-good';

export async function load() {
  const { default: writeGood } = await import('write-good');
  return { lint: (text) => writeGood(text).length };
}
