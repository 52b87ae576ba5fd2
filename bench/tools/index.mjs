/** Every tool the bench compares, in table order. Each module exports `name` and `load(root) → { lint(text) }`. */
export const TOOLS = ['carelint', 'floor', 'alex', 'retext-equality', 'write-good', 'harper'];
