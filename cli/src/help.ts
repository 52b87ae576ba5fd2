export const HELP = `CareLint: trauma-informed wording checker for mental-health clinical text.

Usage:
  carelint check [options] <path | glob | ->...   check files (the word "check" may be left out)
  carelint rules [--format stylish|json]          list the rules: id, category, severity, enabled, message
  carelint explain <rule-id>                      rationale, sources, suggestions and examples of a rule
  carelint --help | --version

Inputs:
  Files of any extension are read as text, except .docx (Word; paragraphs are reported as lines).
  Folders are searched recursively (skipping node_modules, .git and dot-folders) and globs are
  expanded; both pick up only .txt .md .markdown .html .htm .docx files.
  - reads standard input. Markdown: .md .markdown; HTML: .html .htm; everything else: plain text.

Options for check:
  -f, --format <name>      stylish (default), json, sarif (SARIF 2.1.0)
      --fix                apply the first ready-made rewrite of each finding, in place (.txt, .md,
                           .html; never .docx or standard input; [slot] rewrites are never applied),
                           then report what is left
  -c, --config <file>      use this config instead of looking for .carelintrc.json upward from each file
      --category <id>      only check this category (repeatable): police-involvement, punitive-approach,
                           discriminatory-attitude, stigmatizing-language
      --locale <locale>    en-GB or en-US spelling in suggestions (overrides the config)
      --stdin-filename <n> name (and format, by extension) for text read from standard input
      --max-warnings <n>   exit 0 instead of 1 when there are no errors and at most n other findings

Options for rules and explain:
  -c, --config <file>      include the rules, on/off switches and severities of this config

Exit codes:
  0  no findings
  1  findings
  2  usage error, unreadable or skipped file, or a problem in a config file (wins over 1)

Configuration: .carelintrc.json (JSON with comments), see shared-rules/config.schema.json.
CareLint makes no network requests.
`;
