#!/usr/bin/env bash
# Starts the compose stack's single-node Kafka (KRaft, broker and controller in one process) with
# authentication and authorization on every listener:
#   INTERNAL   kafka:19092  SASL_PLAINTEXT: the services log in with SCRAM-SHA-512 (users ingest, scoring,
#                           dashboard, created by setup-kafka.sh); admin logs in with PLAIN.
#   CONTROLLER kafka:9093   SASL_PLAINTEXT, PLAIN, admin only (the broker talking to its controller).
# Every request is checked by the StandardAuthorizer against the ACLs of acls.conf; admin is the only super
# user, and nothing is allowed where no ACL says so. admin's password (KAFKA_ADMIN_PASSWORD) is a static
# PLAIN credential because it has to work before the metadata log (where SCRAM credentials live) is read.
#
# The configuration is written to /tmp (a tmpfs: the root file system is read-only), never to /opt/kafka.
set -euo pipefail

: "${KAFKA_ADMIN_PASSWORD:?KAFKA_ADMIN_PASSWORD is required}"
: "${CLUSTER_ID:?CLUSTER_ID is required}"
data=/var/lib/kafka/data
config=/tmp/server.properties
admin_login="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"${KAFKA_ADMIN_PASSWORD}\""

umask 077
cat > "$config" <<PROPERTIES
node.id=1
process.roles=broker,controller
controller.quorum.voters=1@kafka:9093
controller.listener.names=CONTROLLER
listeners=INTERNAL://:19092,CONTROLLER://:9093
advertised.listeners=INTERNAL://kafka:19092
listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=INTERNAL
sasl.mechanism.inter.broker.protocol=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.internal.sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN
listener.name.internal.plain.sasl.jaas.config=${admin_login} user_admin="${KAFKA_ADMIN_PASSWORD}";
listener.name.internal.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=${admin_login} user_admin="${KAFKA_ADMIN_PASSWORD}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
log.dirs=${data}
# A single node can keep one copy of the internal topics only.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPERTIES

# For the healthcheck (and operators: docker compose exec kafka ... --command-config /tmp/admin.properties).
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=${admin_login};
PROPERTIES

if [ ! -f "$data/meta.properties" ]; then
	/opt/kafka/bin/kafka-storage.sh format --cluster-id "$CLUSTER_ID" --config "$config"
fi
exec /opt/kafka/bin/kafka-run-class.sh -name kafkaServer kafka.Kafka "$config"
