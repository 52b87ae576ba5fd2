/** Everything that makes the run end with exit code 2: printed to stderr as `path[:line:col]: message`. */
export class Problems {
  count = 0;

  report(where: string, message: string): void {
    this.count++;
    process.stderr.write(`${where}: ${message}\n`);
  }

  /** A note that does not change the exit code. */
  note(message: string): void {
    process.stderr.write(`carelint: ${message}\n`);
  }
}

/** Thrown for bad command lines; main prints it with the usage hint and exits 2. */
export class UsageError extends Error {}
