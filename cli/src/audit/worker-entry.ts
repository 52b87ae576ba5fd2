/**
 * Entry of dist/audit-worker.js, the script each audit worker thread runs. A bundle of its own, holding only the
 * engine and the scanner: loading the whole CLI (Word reader, zip library) in every thread cost about 25 MB each.
 */
import { workerData } from 'node:worker_threads';
import type { WorkerData } from './pool';
import { startAuditWorker } from './worker';

startAuditWorker((workerData as WorkerData).carelintAudit);
