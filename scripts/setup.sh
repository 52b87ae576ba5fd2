#!/usr/bin/env bash
# Everything the full test suite needs beyond `npm install`: Debian's chromium for the browser tests, and the
# libraries the real-VS-Code (code-server) tests build against. Safe to run again; it skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

system_packages=(chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)
# code-server's native modules compile from source (scripts/install-code-server.sh).
system_packages+=(python3 make g++)
# Real LSP clients for the language server's editor tests (test/language-server/editors.test.ts).
system_packages+=(neovim emacs-nox elpa-eglot)
missing=()
for pkg in "${system_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: missing Debian packages: ${missing[*]}. Run this script as root, or: sudo apt-get install ${missing[*]}" >&2
    exit 2
  fi
  echo "setup: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# package.json's allowScripts keeps npm from running @playwright/browser-chromium's install script, which downloads
# Playwright's own Chromium (the tests drive Debian's); npm before 11.19 ignores allowScripts, so say it here too.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund

# Real VS Code for test/e2e/vscode.test.ts, into the git-ignored .hosts/.
scripts/install-code-server.sh
