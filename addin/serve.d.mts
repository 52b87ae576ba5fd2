export interface StartedServer { url: string; https: boolean; close(): Promise<void> }
export function startServer(options?: { port?: number; https?: boolean | 'auto'; siteDir?: string }): Promise<StartedServer>;
export function devCertificate(): { cert: Buffer; key: Buffer } | null;
