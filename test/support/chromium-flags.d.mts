export const CHROMIUM_PATH: string;
export const OFFLINE_FLAGS: string[];
export const PAGE_FLAGS: string[];
export function extensionFlags(dir: string): string[];
