#!/bin/sh
# Fails when a translation does not compile, or has fuzzy or untranslated messages,
# or misses a message of the sources (the .pot is made fresh from POTFILES.in).
set -eu
src="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --add-comments \
  -f po/POTFILES.in -o "$tmp/salesroom.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
status=0
for po in po/*.po; do
  msgmerge --quiet --no-fuzzy-matching "$po" "$tmp/salesroom.pot" -o "$tmp/merged.po"
  stats=$(msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>&1) || { echo "$po: $stats"; status=1; continue; }
  echo "$po: $stats"
  case "$stats" in
    *fuzzy*|*untranslated*) status=1 ;;
  esac
done
exit $status
