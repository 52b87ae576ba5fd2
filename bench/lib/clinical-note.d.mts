/** `chars` characters of a fictional clinical record with findings in all four categories (see clinical-note.mjs). */
export function clinicalNote(chars?: number): string;
