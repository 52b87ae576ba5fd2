export interface PageServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}
export function startPageServer(options?: { port?: number }): Promise<PageServer>;
