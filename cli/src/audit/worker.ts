/**
 * Worker-thread side of the audit pool: receives batches of note texts, answers with their findings, one array
 * per note in the same order. A note the engine cannot lint comes back as an error string, so one odd note never
 * stops the audit.
 */
import { parentPort } from 'node:worker_threads';
import { makeScanner, type NoteFinding, type ScanOptions } from './scan';

export interface BatchRequest {
  seq: number;
  texts: string[];
}

export interface BatchResult {
  seq: number;
  results: Array<NoteFinding[] | string>;
}

export function scanBatch(scan: (text: string) => NoteFinding[], texts: string[]): Array<NoteFinding[] | string> {
  return texts.map((text) => {
    try {
      return scan(text);
    } catch (e) {
      return (e as Error)?.message ?? String(e);
    }
  });
}

export function startAuditWorker(options: ScanOptions): void {
  const scan = makeScanner(options);
  parentPort!.on('message', (req: BatchRequest) => {
    const reply: BatchResult = { seq: req.seq, results: scanBatch(scan, req.texts) };
    parentPort!.postMessage(reply);
  });
}
