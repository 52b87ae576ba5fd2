// alex (plain-text mode: retext-equality and retext-profanities over retext-english).
export const name = 'alex';

export async function load() {
  const { text: alex } = await import('alex');
  return { lint: (text) => alex(text).messages.length };
}
