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
scripts/require-debian-tools.sh "the browser and operations tests" ./test.sh "${tools[@]}"

exec mvn -B verify "$@"
