/** The norm of an age written with its unit in one word ("17yo"): rules name the unit, never a particular number. */
export const AGE_UNIT = 'yo';

/**
 * Is text[start, end) a digit run glued to "yo" ("17yo", "45YO")? Note shorthand for "N-year-old": read as the unit,
 * so "a 17yo anorexic" is "a 15 yo anorexic" to every rule. Only this unit: "10mg" and other doses stay as written.
 */
export function isAgeWithUnit(text: string, start: number, end: number): boolean {
  if (end - start < 3 || (text.charCodeAt(end - 1) | 32) !== 111 || (text.charCodeAt(end - 2) | 32) !== 121)
    return false;
  for (let i = start; i < end - 2; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
