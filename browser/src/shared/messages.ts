import type { Category } from '../../../shared-rules/src/index';

/** Counts for the field the writer last worked in, sent by a content script for the popup and badge. */
export interface CountsMessage {
  type: 'counts';
  total: number;
  byCategory: Partial<Record<Category, number>>;
}
export interface EnableMessage {
  type: 'enable' | 'disable';
  pattern: string;
}
export type Message = CountsMessage | EnableMessage;

/** Storage keys shared by the service worker, the content scripts and the extension pages. */
export const KEYS = {
  /** UserSettings, in storage.local. */
  settings: 'settings',
  /** Effective (policy merged with settings), in storage.local; content scripts read it. */
  effective: 'effective',
  /** Test builds only: the policy that stands in for storage.managed. */
  testPolicy: 'testManagedPolicy',
} as const;

export const countsKey = (tabId: number) => `counts:${tabId}`;
