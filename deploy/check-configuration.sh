#!/bin/sh
# Refuses to let the compose stack start with a secret that is missing, still a CHANGE_ME placeholder
# from .env.example, too short, or malformed. docker-compose.yml runs it first (check-configuration)
# and every other container waits for it to succeed; compose's own ${VAR:?} only checks that a value
# is set, so a copied .env.example would otherwise run with its example passwords.
#
# POSIX sh (busybox in compose, dash or bash elsewhere). Reads the values from its environment:
#   sh deploy/check-configuration.sh            # exit 0 when every value is acceptable
# Prints every problem, not only the first, then exits 1.

problems=0

refuse() {
	echo "check-configuration: $1" >&2
	problems=$((problems + 1))
}

value_of() {
	eval "printf '%s' \"\${$1-}\""
}

# A value that is set, not empty and not a placeholder.
require() {
	name=$1
	value=$(value_of "$name")
	if [ -z "$value" ]; then
		refuse "$name is empty or not set; set it in .env (see .env.example)"
		return 1
	fi
	case $value in
		*CHANGE_ME* | *change_me* | *ChangeMe* | *changeme*)
			refuse "$name is still the CHANGE_ME placeholder from .env.example; set a real value in .env"
			return 1
			;;
	esac
	return 0
}

# A password: at least 12 characters.
require_password() {
	require "$1" || return 0
	if [ "${#value}" -lt 12 ]; then
		refuse "$1 is shorter than 12 characters; generate one with: openssl rand -hex 24"
	fi
}

# A Kafka password: it goes into JAAS lines and SCRAM credential specs unquoted, so letters, digits, '_'
# and '-' only, at least 16 of them.
require_kafka_password() {
	require "$1" || return 0
	if ! printf '%s' "$value" | grep -Eq '^[A-Za-z0-9_-]{16,}$'; then
		refuse "$1 must be at least 16 letters, digits, '_' or '-'; generate one with: openssl rand -hex 24"
	fi
}

for password in POSTGRES_PASSWORD POSTGRES_APP_PASSWORD GRAFANA_ADMIN_PASSWORD; do
	require_password "$password"
done
for password in KAFKA_ADMIN_PASSWORD KAFKA_INGEST_PASSWORD KAFKA_SCORING_PASSWORD KAFKA_DASHBOARD_PASSWORD; do
	require_kafka_password "$password"
done

if [ -n "${POSTGRES_PASSWORD-}" ] && [ "${POSTGRES_PASSWORD-}" = "${POSTGRES_APP_PASSWORD-}" ]; then
	refuse "POSTGRES_APP_PASSWORD must differ from POSTGRES_PASSWORD (the superuser's)"
fi

if require INGEST_API_KEY_SHA256 && ! printf '%s' "$value" | grep -Eq '^[0-9a-fA-F]{64}$'; then
	refuse "INGEST_API_KEY_SHA256 must be 64 hex digits: printf %s \"\$KEY\" | sha256sum | cut -d' ' -f1"
fi

# Empty must not silently mean every brand: '*' has to be written out.
if require INGEST_API_KEY_BRANDS && ! printf '%s' "$value" | grep -Eq '^(\*|[^,[:space:]]+([[:space:]]*,[[:space:]]*[^,[:space:]]+)*)$'; then
	refuse "INGEST_API_KEY_BRANDS must be * or comma-separated brand slugs without empty entries (e.g. acme,globex)"
fi

require DASHBOARD_USER

# Like the key's brands: empty must not silently mean every brand.
if require DASHBOARD_USER_BRANDS && ! printf '%s' "$value" | grep -Eq '^(\*|[^,[:space:]]+([[:space:]]*,[[:space:]]*[^,[:space:]]+)*)$'; then
	refuse "DASHBOARD_USER_BRANDS must be *, or comma-separated brand slugs and @group names without empty entries"
fi

# shellcheck disable=SC2016 # the $ are part of the pattern
if require DASHBOARD_PASSWORD_BCRYPT && ! printf '%s' "$value" | grep -Eq '^\$2[aby]\$[0-9]{2}\$[./A-Za-z0-9]{53}$'; then
	refuse "DASHBOARD_PASSWORD_BCRYPT must be a bcrypt hash (\$2a\$, \$2b\$ or \$2y\$), in single quotes in .env"
fi

if [ "$problems" -gt 0 ]; then
	echo "check-configuration: $problems problem(s) in .env; nothing else starts until they are fixed." >&2
	exit 1
fi
echo "check-configuration: every secret is set and none is a placeholder."
