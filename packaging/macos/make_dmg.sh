#!/usr/bin/env bash
# Makes dist/icanal-desktop-VERSION-macos.dmg out of "dist/iCanal Desktop.app" (built with
# packaging/icanal-desktop-macos.spec): a compressed disk image with the app and a link to
# /Applications to drag it onto. Run on macOS (hdiutil); by .github/workflows/installers.yml.
# Not exercised on our (Linux) machines. Signing and notarisation are not done here.
set -euo pipefail
cd "$(dirname "$0")/../.."

app="dist/iCanal Desktop.app"
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' icanal_desktop/__init__.py)
out="dist/icanal-desktop-$version-macos.dmg"
[ -d "$app" ] || { echo "no $app: build it with pyinstaller packaging/icanal-desktop-macos.spec" >&2; exit 1; }

# The Info.plist the spec wrote must say what Finder and the Dock need.
plist="$app/Contents/Info.plist"
for key in CFBundleIdentifier CFBundleShortVersionString NSHighResolutionCapable CFBundleIconFile; do
  /usr/libexec/PlistBuddy -c "Print :$key" "$plist" >/dev/null
done
[ "$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$plist")" = "$version" ]

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$out"
hdiutil create -volname "iCanal Desktop $version" -srcfolder "$staging" -fs HFS+ \
  -format UDZO -imagekey zlib-level=9 -ov "$out"
hdiutil verify "$out"
echo "made $out"
