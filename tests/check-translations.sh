#!/bin/sh
# Fails when po/de.po lacks a translation for any string in the sources,
# or has a fuzzy or obsolete one. German users must see German everywhere.
set -eu
src=$1
build=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$src"
# The same extraction as `meson compile integrationsatlas-pot`.
grep -v '^#' po/POTFILES.in | grep . > "$tmp/files"
xgettext --files-from="$tmp/files" --directory="$src" --output="$tmp/messages.pot" \
  --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 2>/dev/null

msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/de.po" po/de.po "$tmp/messages.pot"
stats=$(LC_ALL=C msgfmt --statistics --check --output-file=/dev/null "$tmp/de.po" 2>&1)
echo "po/de.po: $stats"
obsolete=$(grep -c '^#~ msgid' po/de.po || true)
case "$stats" in
  *untranslated*|*fuzzy*)
    msgattrib --untranslated --only-fuzzy "$tmp/de.po" 2>/dev/null | head -40
    msgattrib --untranslated "$tmp/de.po" | grep '^msgid' | head -40
    exit 1 ;;
esac
if [ "$obsolete" -ne 0 ]; then
  echo "po/de.po has $obsolete obsolete entries: run 'meson compile -C _build integrationsatlas-update-po'"
  exit 1
fi
