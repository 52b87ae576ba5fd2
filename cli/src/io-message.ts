/** A file-system error as the end of a sentence that names the path ("notes.md: permission denied; …"). */
export function ioMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM')
    return 'permission denied; cannot read it. Check its permissions (chmod) or run as a user who can read it';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'ELOOP') return 'symbolic link loop; fix or remove the link';
  return `cannot be read (${(e as Error).message})`;
}
