#!/usr/bin/env node
'use strict';
// The CareLint language server (LSP over standard input and output). See README, "Other editors (language server)".
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const server = join(__dirname, '..', 'dist', 'language-server.js');
if (!existsSync(server)) {
  process.stderr.write(`carelint-ls: ${server} is missing; run \`npm run build\` in ${join(__dirname, '..')}\n`);
  process.exit(2);
}
require('./code-cache').requireWithCodeCache(server);
