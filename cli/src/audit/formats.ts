/** The report formats `carelint audit` writes. */
export const AUDIT_FORMATS = ['json', 'html', 'csv'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];
