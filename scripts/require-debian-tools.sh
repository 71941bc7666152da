#!/usr/bin/env bash
# Makes sure commands are on the PATH, installing the Debian packages that provide them when this user may
# (root, or sudo without a password); otherwise says what to install and fails. Used by ./test.sh and
# ./benchmarks.sh.
#   scripts/require-debian-tools.sh "<what needs them, e.g. the ingest benchmark>" "<command to run again>" command:package ...
set -euo pipefail

purpose="$1"
again="$2"
shift 2

missing=()
for tool in "$@"; do
	PATH="$PATH:/usr/sbin" command -v "${tool%%:*}" >/dev/null 2>&1 && continue
	package="${tool#*:}"
	[[ " ${missing[*]-} " == *" $package "* ]] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	as_root="sudo -n"
else
	as_root="cannot"
fi
if [ "$as_root" = cannot ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "For $purpose this user would have to install the Debian packages ${missing[*]} and cannot." >&2
	echo "Install them (or the same tools from your system's packages), then run $again again:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
	exit 1
fi
echo "Installing ${missing[*]} for $purpose ..."
started=$SECONDS
$as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
echo "Installed ${missing[*]} in $((SECONDS - started)) s."
