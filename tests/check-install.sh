#!/bin/sh
# Installs the build into a temporary prefix (DESTDIR) and runs the installed
# CLI from there; checks that the data files a desktop needs are in place.
set -eu
build=$1
prefix=$2
app_id=$3
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

# Without --no-rebuild: meson test builds only what tests name, not the
# translations an install needs.
meson install -C "$build" --quiet --destdir "$dest"
root="$dest$prefix"

for f in \
  "bin/integrationsatlas" \
  "bin/integrationsatlas-cli" \
  "share/applications/$app_id.desktop" \
  "share/metainfo/$app_id.metainfo.xml" \
  "share/glib-2.0/schemas/$app_id.gschema.xml" \
  "share/icons/hicolor/scalable/apps/$app_id.svg" \
  "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  "share/locale/de/LC_MESSAGES/integrationsatlas.mo" \
  "share/integrationsatlas/integrationsatlas-exchange.rng"
do
  if [ ! -e "$root/$f" ]; then
    echo "not installed: $f"
    exit 1
  fi
done

"$root/bin/integrationsatlas-cli" --version
rows=$("$root/bin/integrationsatlas-cli" --db "$dest/catalogue.sqlite" list centres | wc -l)
if [ "$rows" -ne 55 ]; then
  echo "the installed CLI listed $rows lines, not a header and 54 centres"
  exit 1
fi
echo "installed into $root and ran the CLI from there"
