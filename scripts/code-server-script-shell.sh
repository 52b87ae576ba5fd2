#!/bin/sh
# The shell npm runs code-server's install scripts with (install-code-server.sh sets npm_config_script_shell).
# code-server's postinstall refuses to run as root unless npm_config_unsafe_perm=true, a setting npm dropped in
# v7 (scripts run as root anyway) and that npm 11 warns about ("Unknown env config") whenever npm itself is given
# it. Set here, it reaches the scripts only, and npm prints no warning.
export npm_config_unsafe_perm=true
exec /bin/sh "$@"
