#!/usr/bin/env node
'use strict';
// Exit code 1 means "findings", so a missing build must not crash with Node's default exit code 1.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const cli = join(__dirname, '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write(`carelint: ${cli} is missing; run \`npm run build\` in ${join(__dirname, '..')}\n`);
  process.exit(2);
}
require(cli);
