// A --host argument as a match pattern for host_permissions; anything else stops the script with what to type.
export function toMatchPatternOrExit(raw) {
  const m = /^(https?):\/\/((?:\*\.)?[a-z0-9.-]+)(?::\d+)?(?:\/.*)?$/i.exec(raw.trim());
  if (!m) {
    console.error(
      `--host=${raw}: not a web address. Use the record's address, for example --host=https://epr.trust.nhs.uk`,
    );
    process.exit(2);
  }
  return `${m[1].toLowerCase()}://${m[2].toLowerCase()}/*`;
}
