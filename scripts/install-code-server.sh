#!/usr/bin/env bash
# code-server from npm: the real VS Code that test/e2e/vscode.test.ts drives. It is the only VS Code that installs
# here (@vscode/test-electron downloads from Microsoft). 4.100.3 (VS Code 1.100.3) is the newest release that runs
# on Node 20. Installed into the git-ignored .hosts/code-server/ with its own package.json, so the project's
# dependencies stay small. Run from scripts/setup.sh; skips when the pinned version is already installed.
# Why each workaround is needed: /work/shared/research/hosts.md part A (no github.com, no nodejs.org here).
set -euo pipefail
cd "$(dirname "$0")/.."

version=4.100.3
dir=.hosts/code-server
stamp="$dir/installed-$version"
[[ -f $stamp && -x $dir/node_modules/.bin/code-server ]] && exit 0

echo "setup: installing code-server@$version into $dir (about a minute)" >&2
started=$SECONDS
rm -rf "$dir"
mkdir -p "$dir"
# allowScripts (npm 11.19+ lists install scripts it was not told about): code-server's postinstall installs VS Code's
# own modules, argon2's builds its native module.
cat > "$dir/package.json" <<EOF
{
  "name": "carelint-test-code-server", "private": true, "description": "Written by scripts/install-code-server.sh",
  "allowScripts": { "code-server": true, "argon2": true }
}
EOF

# @vscode/ripgrep's install script downloads rg from GitHub unless its cache in $TMPDIR already holds the archive,
# so seed that cache with Debian's rg (scripts/setup.sh installs ripgrep).
ripgrep_cache="$dir/tmp"
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64) rg_target=aarch64-unknown-linux-musl ;;
  *) echo "setup: no ripgrep cache recipe for $(uname -m); code-server's install may try GitHub" >&2; rg_target= ;;
esac
if [[ -n $rg_target ]]; then
  rg=$(command -v rg) || { echo "setup: ripgrep (rg) is missing; install Debian's ripgrep package" >&2; exit 2; }
  mkdir -p "$ripgrep_cache/vscode-ripgrep-cache-1.15.11"
  cp "$rg" "$ripgrep_cache/rg"
  tar -C "$ripgrep_cache" -czf "$ripgrep_cache/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-$rg_target.tar.gz" rg
fi

# Native modules (argon2, kerberos, node-pty, ...) compile from source because their prebuilt downloads fail.
# node-gyp must use the local Node headers instead of downloading them from nodejs.org.
node_prefix=$(node -p 'require("path").dirname(require("path").dirname(process.execPath))')
if [[ -f $node_prefix/include/node/node.h ]]; then export npm_config_nodedir=$node_prefix; fi

# script_shell: code-server's postinstall refuses to run as root without npm_config_unsafe_perm=true, which npm 11
# warns about when npm is given it; this shell gives it to the install scripts only.
# yes: node-pty's install script runs `npx node-gyp`, which a `yes=false` npmrc would cancel.
script_shell="$PWD/scripts/code-server-script-shell.sh"
(
  cd "$dir"
  TMPDIR="$PWD/tmp" npm_config_script_shell="$script_shell" npm_config_yes=true \
    npm install --no-audit --no-fund --no-update-notifier "code-server@$version"
)
# (XDG_CONFIG_HOME: its first run writes a config.yaml, which belongs in the install folder, not in $HOME.)
XDG_CONFIG_HOME="$PWD/$dir/tmp/config" "$dir/node_modules/.bin/code-server" --version >&2
touch "$stamp"
echo "setup: code-server@$version installed in $((SECONDS - started)) s" >&2
