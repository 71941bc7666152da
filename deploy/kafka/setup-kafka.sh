#!/usr/bin/env bash
# Prepares the compose stack's Kafka for the services, as admin, on every `docker compose up`:
#   1. sets the SCRAM-SHA-512 password of the users ingest, scoring and dashboard from
#      KAFKA_INGEST_PASSWORD, KAFKA_SCORING_PASSWORD and KAFKA_DASHBOARD_PASSWORD (so changing one in .env
#      and running `docker compose up -d` rotates it);
#   2. grants the ACLs listed in acls.conf (adding an ACL that exists changes nothing).
# An ACL removed from acls.conf is not revoked: remove it with kafka-acls.sh --remove (docs/operations.md).
#
# KAFKA_SETUP_DRY_RUN=true prints the ACLs, one "User:<name> <Operation> <ResourceType> <PATTERN> <name>"
# line each, instead of talking to Kafka (KafkaAclTests reads them).
set -euo pipefail

acls=${KAFKA_ACLS_FILE:-/opt/brandsignal/acls.conf}
bin=${KAFKA_BIN:-/opt/kafka/bin}
dry_run=${KAFKA_SETUP_DRY_RUN:-false}
users=(ingest scoring dashboard)

if [ "$dry_run" != true ]; then
	: "${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS is required}"
	: "${KAFKA_ADMIN_PASSWORD:?KAFKA_ADMIN_PASSWORD is required}"
	admin=/tmp/admin.properties
	umask 077
	cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES
	for user in "${users[@]}"; do
		variable="KAFKA_${user^^}_PASSWORD"
		password=${!variable:?$variable is required}
		"$bin/kafka-configs.sh" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$admin" \
			--alter --entity-type users --entity-name "$user" \
			--add-config "SCRAM-SHA-512=[iterations=8192,password=${password}]" > /dev/null
		echo "setup-kafka: SCRAM-SHA-512 credential of $user set"
	done
fi

while read -r user resource pattern name operations; do
	case $user in '' | '#'*) continue ;; esac
	case $resource in
		topic) resource_option=--topic resource_type=Topic ;;
		group) resource_option=--group resource_type=Group ;;
		transactional-id) resource_option=--transactional-id resource_type=TransactionalId ;;
		*) echo "setup-kafka: unknown resource type '$resource' in $acls" >&2; exit 1 ;;
	esac
	case $pattern in
		literal | prefixed) ;;
		*) echo "setup-kafka: unknown pattern type '$pattern' in $acls" >&2; exit 1 ;;
	esac
	IFS=, read -r -a operation_list <<< "$operations"
	if [ "$dry_run" = true ]; then
		for operation in "${operation_list[@]}"; do
			echo "User:$user $operation $resource_type ${pattern^^} $name"
		done
		continue
	fi
	arguments=(--bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$admin" --add
		--allow-principal "User:$user" --resource-pattern-type "${pattern^^}" "$resource_option" "$name")
	for operation in "${operation_list[@]}"; do
		arguments+=(--operation "$operation")
	done
	"$bin/kafka-acls.sh" "${arguments[@]}" > /dev/null
	echo "setup-kafka: User:$user may $operations on $resource_type ($pattern) $name"
done < "$acls"
