export const HELP = `CareLint: trauma-informed wording checker for mental-health clinical text.

Usage:
  carelint check [options] <path | glob | ->...   check files (the word "check" may be left out)
  carelint rules [--format stylish|json]          list the rules: id, category, severity, enabled, message
  carelint explain <rule-id>                      rationale, sources, suggestions and examples of a rule
  carelint audit [options] <export>...            find, person by person, SIM-like care in a CSV or
                                                  JSON-lines export of clinical notes (docs/audit.md)
  carelint --help | --version

Inputs:
  Files of any extension are read as text, except .docx (Word; paragraphs are reported as lines).
  Folders are searched recursively (skipping node_modules, .git and dot-folders) and globs are
  expanded; both pick up only .txt .md .markdown .html .htm .docx files.
  - reads standard input. Markdown: .md .markdown; HTML: .html .htm; everything else: plain text.

Options for check:
  -f, --format <name>      stylish (default), json, sarif (SARIF 2.1.0), github (GitHub Actions
                           annotations)
      --fix                apply the first ready-made rewrite of each finding, in place (.txt, .md,
                           .html; never .docx or standard input; [slot] rewrites are never applied),
                           then report what is left
  -c, --config <file>      use this config instead of looking for .carelintrc.json upward from each file
      --category <id>      only check this category (repeatable): police-involvement, punitive-approach,
                           discriminatory-attitude, stigmatizing-language
      --locale <locale>    en-GB or en-US spelling in suggestions (overrides the config)
      --stdin-filename <n> name (and format, by extension) for text read from standard input
      --max-warnings <n>   exit 0 instead of 1 when there are no errors and at most n other findings

Options for audit:
  -f, --format <name>      json (default), html (self-contained report) or csv (one row per finding);
                           taken from the --output extension when not given
  -o, --output <file>      write the report here, owner-only (mode 0600); default standard output
      --id-field <name>    column (or JSON key) of the person; also --text-field, --date-field.
                           Detected from common names (patient_id, nhs_number, note, note_date, ...)
      --workers <n>        worker threads (default: one per core)
  -c, --config <file>      a .carelintrc.json with the trust's own rules, allow entries and switches
                           (only when given; none is searched for next to the export)
      --since <date>       only notes dated on or after YYYY-MM-DD; --until <date>: on or before
      --category <id>      only this category (repeatable)
      --redact             leave the excerpts of notes out of the report
      --max-items <n>      findings kept with excerpts per person (default 10; all are counted)
      --top <n>            people listed in the HTML report (default 1000)
  The report holds patient identifiers and clinical excerpts: findings are prompts for review, not verdicts.

Options for rules and explain:
  -c, --config <file>      include the rules, on/off switches and severities of this config

Exit codes:
  0  no findings
  1  findings
  2  usage error, unreadable or skipped file, or a problem in a config file (wins over 1)

Configuration: .carelintrc.json (JSON with comments), see shared-rules/config.schema.json.
CareLint makes no network requests.
`;
