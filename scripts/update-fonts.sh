#!/usr/bin/env bash
# The site's typeface, Atkinson Hyperlegible Next, is served from static/fonts/ so no page
# loads anything from another host. This fetches the pinned @fontsource release with `npm pack`
# and copies only the Latin woff2 files that static/css/site.css names, plus the licence.
# To update: change VERSION, run `make fonts`, check the pages, commit the files.
set -euo pipefail

PACKAGE="@fontsource/atkinson-hyperlegible-next"
VERSION="5.3.0"
FAMILY="atkinson-hyperlegible-next"
# The faces site.css declares: regular, italic (quotes, work methods), semibold, bold.
FACES=(400-normal 400-italic 600-normal 700-normal)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/static/fonts/$FAMILY"

command -v npm >/dev/null 2>&1 || { echo "npm is nodig (apt-get install npm)." >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"

mkdir -p "$target"
rm -f "$target"/*.woff2
for face in "${FACES[@]}"; do
    cp "$work/package/files/$FAMILY-latin-$face.woff2" "$target/"
done
cp "$work/package/LICENSE" "$target/OFL.txt"
cat >"$target/README.txt" <<README
Atkinson Hyperlegible Next, Latin subset, woff2: regular, italic, semibold (600), bold (700).
From the npm package $PACKAGE@$VERSION (Fontsource).
Licensed under the SIL Open Font License 1.1 (OFL.txt).
Refresh with \`make fonts\` (scripts/update-fonts.sh pins the version).
README
echo "Fonts bijgewerkt: $PACKAGE@$VERSION in static/fonts/$FAMILY/"
