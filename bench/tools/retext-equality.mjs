// retext-equality on its own, through unified and retext-english (no profanity checks, no reporter).
export const name = 'retext-equality';

export async function load() {
  const [{ unified }, { default: retextEnglish }, { default: retextEquality }, { VFile }] = await Promise.all([
    import('unified'),
    import('retext-english'),
    import('retext-equality'),
    import('vfile'),
  ]);
  const processor = unified().use(retextEnglish).use(retextEquality).freeze();
  return {
    lint(text) {
      const file = new VFile(text);
      processor.runSync(processor.parse(file), file);
      return file.messages.length;
    },
  };
}
