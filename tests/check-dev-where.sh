#!/bin/sh
# tools/dev's choice between the host and the Debian 13 build root, with
# pkg-config and apt-cache replaced by stand-ins that report given versions,
# for a meson.build asking GTK >= 4.18 and libadwaita >= 1.7.
set -eu
src=$1
command -v dpkg >/dev/null || { echo "dpkg is needed to compare versions"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/checkout/tools" "$tmp/bin"
cp "$src/tools/dev" "$src/tools/build-root" "$src/tools/packages" "$tmp/checkout/tools/"
cat > "$tmp/checkout/meson.build" <<'EOF'
gtk_dep = dependency('gtk4', version: '>= 4.18')
adw_dep = dependency('libadwaita-1', version: '>= 1.7')
EOF
# pkg-config: has what $PKG_CONFIG_HAS says ("gtk4 4.18.6 libadwaita-1 1.7.6").
cat > "$tmp/bin/pkg-config" <<'EOF'
#!/bin/sh
# pkg-config --exists "MODULE >= MIN"
set -- $2
module=$1 min=$3
set -- $PKG_CONFIG_HAS
while [ $# -ge 2 ]; do
  [ "$1" = "$module" ] && dpkg --compare-versions "$2" ge "$min" && exit 0
  shift 2
done
exit 1
EOF
# apt-cache policy PACKAGE: the candidate $CANDIDATE for every package.
cat > "$tmp/bin/apt-cache" <<'EOF'
#!/bin/sh
echo "$2:"
echo "  Installed: (none)"
echo "  Candidate: $CANDIDATE"
EOF
printf '#!/bin/sh\necho "sudo was called" >&2\nexit 1\n' > "$tmp/bin/sudo"
cp "$tmp/bin/sudo" "$tmp/bin/apt-get"
chmod +x "$tmp/bin/"*
# Nothing else of the host's: only what tools/dev where and the stand-ins use.
for tool in sh bash env dirname sed awk cat grep id dpkg; do
  ln -s "$(command -v $tool)" "$tmp/bin/$tool"
done

failed=0
expect() {
  # expect WHERE PKG_CONFIG_HAS CANDIDATE DESCRIPTION
  got=$(env -u INTEGRATIONSATLAS_PLATFORM -u INTEGRATIONSATLAS_BUILD_ROOT PATH="$tmp/bin" \
        PKG_CONFIG_HAS="$2" CANDIDATE="$3" "$tmp/checkout/tools/dev" where 2>"$tmp/why") || true
  if [ "$got" = "$1" ]; then
    echo "ok: $4: $got ($(cat "$tmp/why"))"
  else
    echo "FAIL: $4: expected $1, got '$got' ($(cat "$tmp/why"))"
    failed=1
  fi
}
expect host "gtk4 4.18.6 libadwaita-1 1.7.6" "4.8.3+ds-2+deb12u1" "pkg-config finds the minimum versions"
expect root "gtk4 4.8.3 libadwaita-1 1.2.2" "4.8.3+ds-2+deb12u1" "Debian 12: too old installed and offered"
expect host "" "4.18.6+ds-2" "Debian 13 before install-deps: the archive offers them"
expect root "" "1:4.8.3-1" "an epoch does not make an old version new"
expect root "gtk4 4.18.6" "1.2.2-1" "libadwaita too old, though GTK is new"
rm "$tmp/bin/apt-cache" "$tmp/bin/pkg-config"
expect root "" "" "neither pkg-config nor apt"
exit $failed
