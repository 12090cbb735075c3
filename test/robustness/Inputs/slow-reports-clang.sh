#!/bin/sh
# A stand-in for clang whose analysis is slow only while the condis checkers'
# reports are emitted, as when building a report's path is what costs: it
# sleeps when the plugin is loaded and its reports are not silenced, and runs
# the real clang ($REAL_CLANG) otherwise.
plugin=no
silenced=no
for a in "$@"; do
  [ "$a" = "-load" ] && plugin=yes
  [ "$a" = "silence-checkers=condis" ] && silenced=yes
done
[ "$plugin" = yes ] && [ "$silenced" = no ] && exec sleep 30
exec "$REAL_CLANG" "$@"
