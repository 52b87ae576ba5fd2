/** "1 note", "2 notes"; `many` for a plural that is not the word plus "s" ("1 person", "3 people"). */
export function plural(count: number, one: string, many = `${one}s`, show: (n: number) => string = String): string {
  return `${show(count)} ${count === 1 ? one : many}`;
}
