// The parsed command line, shared by the parser (args.ts) and each command's own option parsing.
import type { Category, Locale } from '../../shared-rules/src/index';
import type { AuditFormat } from './audit/formats';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | {
      name: 'check';
      inputs: string[];
      format: Format;
      fix: boolean;
      config?: string;
      categories?: Category[];
      locale?: Locale;
      stdinFilename?: string;
      maxWarnings?: number;
    }
  | { name: 'rules'; format: 'stylish' | 'json'; config?: string }
  | { name: 'explain'; ruleId: string; config?: string }
  | {
      name: 'audit';
      inputs: string[];
      format: AuditFormat;
      output?: string;
      config?: string;
      idField?: string;
      textField?: string;
      dateField?: string;
      workers: number;
      redact: boolean;
      since?: string;
      until?: string;
      categories?: Category[];
      maxItems: number;
      top?: number;
    };
