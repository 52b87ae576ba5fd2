export interface StartedServer {
  url: string;
  https: boolean;
  close(): Promise<void>;
}
export function startServer(options?: {
  port?: number;
  https?: boolean | 'auto';
  siteDir?: string;
  certificate?: { cert: Buffer | string; key: Buffer | string };
}): Promise<StartedServer>;
export function devCertificate(): { cert: Buffer; key: Buffer } | null;
