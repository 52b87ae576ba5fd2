import os from 'node:os';
import { readFileSync } from 'node:fs';

/** What the numbers were measured on: they only compare within one run. */
export function machine() {
  const cpus = os.cpus();
  let model = cpus[0]?.model?.trim();
  if (!model) {
    try {
      model = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1];
    } catch {
      /* not Linux */
    }
  }
  return {
    cpu: model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
