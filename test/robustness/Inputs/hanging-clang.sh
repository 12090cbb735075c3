#!/bin/sh
# A stand-in for clang that hangs like a looping plugin would: it sleeps
# whenever the plugin is loaded for an analysis, and runs the real clang
# ($REAL_CLANG) otherwise, so the hunt's run without the plugin finishes.
plugin=no
for a in "$@"; do
  [ "$a" = "-load" ] && plugin=yes
done
[ "$plugin" = yes ] && exec sleep 30
exec "$REAL_CLANG" "$@"
