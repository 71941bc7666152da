#!/usr/bin/env bash
# Runs every test of the project, on a fresh machine too: installs the tools the browser and operations
# tests drive (Debian packages, when this user may install them), then runs `mvn -B verify`. Extra
# arguments go to Maven, e.g. `./test.sh -pl ingest-service -am`.
set -euo pipefail
cd "$(dirname "$0")"

# The browser tests drive Chromium through chromedriver; the operations tests run promtool, a real
# Prometheus, docker-compose (to validate the compose file; no Docker engine is needed), nginx (to
# validate the proxy configuration), shellcheck and openssl (the stack's scripts). Each command, then
# the Debian package that provides it.
tools=(chromium:chromium chromedriver:chromium-driver promtool:prometheus prometheus:prometheus
	docker-compose:docker-compose nginx:nginx shellcheck:shellcheck openssl:openssl)
missing=()
for tool in "${tools[@]}"; do
	PATH="$PATH:/usr/sbin" command -v "${tool%%:*}" >/dev/null 2>&1 && continue
	package="${tool#*:}"
	[[ " ${missing[*]-} " == *" $package "* ]] || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -eq 0 ]; then
		as_root=""
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		as_root="sudo -n"
	else
		as_root="cannot"
	fi
	if [ "$as_root" = cannot ] || ! command -v apt-get >/dev/null 2>&1; then
		echo "The browser and operations tests need the Debian packages ${missing[*]}, which this user cannot" >&2
		echo "install. Install them (or the same tools from your system's packages), then run ./test.sh again:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
	echo "Installing ${missing[*]} for the browser and operations tests ..."
	started=$SECONDS
	$as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	echo "Installed ${missing[*]} in $((SECONDS - started)) s."
fi

exec mvn -B verify "$@"
