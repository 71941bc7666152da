# syntax=docker/dockerfile:1
#
# One Dockerfile for all three brandsignal services. They are built the same way from the same Maven
# reactor, so one file keeps the JVM flags, the user and the layering identical everywhere; the build
# argument SERVICE picks the module. Build from the repository root:
#
#   docker build -f deploy/service.Dockerfile --build-arg SERVICE=ingest-service -t brandsignal/ingest-service .
#
# (docker compose does this for you, see docker-compose.yml.)

# Full versions, so a rebuild gets the same JDK and Maven until someone changes them here (tags, not
# digests: pin digests in your registry mirror if you need byte-identical bases).
ARG MAVEN_IMAGE=maven:3.9.11-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17.0.16_8-jre

############################################################################################
# 1. Build the service's executable jar with Maven.
############################################################################################
FROM ${MAVEN_IMAGE} AS build
ARG SERVICE
RUN test -n "${SERVICE}" || (echo "build argument SERVICE is required (ingest-service, scoring-service or dashboard-service)" >&2; exit 1)
WORKDIR /workspace

# Every module's pom first: Maven needs all of them to read the reactor, and this layer (with the
# dependencies it downloads) stays cached until a pom changes. No BuildKit-only cache mounts, so the
# file builds with the classic builder too. go-offline skips the reactor's own modules.
COPY pom.xml ./
COPY contract/pom.xml contract/
COPY local-infra/pom.xml local-infra/
COPY test-support/pom.xml test-support/
COPY ingest-service/pom.xml ingest-service/
COPY scoring-service/pom.xml scoring-service/
COPY dashboard-service/pom.xml dashboard-service/
COPY local-launcher/pom.xml local-launcher/
COPY system-tests/pom.xml system-tests/
RUN mvn -B -q -pl "${SERVICE}" -am dependency:go-offline

# Then only the sources the service is built from (never a local target/ or data/ folder).
COPY contract/src contract/src
COPY local-infra/src local-infra/src
COPY test-support/src test-support/src
COPY ${SERVICE}/src ${SERVICE}/src
RUN mvn -B -pl "${SERVICE}" -am package -DskipTests \
    && cp "${SERVICE}/target/${SERVICE}.jar" /workspace/app.jar

############################################################################################
# 2. Split the jar into layers (dependencies change rarely, application classes often).
############################################################################################
FROM ${RUNTIME_IMAGE} AS layers
WORKDIR /layers
COPY --from=build /workspace/app.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

############################################################################################
# 3. Runtime: a JRE, a non-root user, the layers in order of how often they change.
############################################################################################
FROM ${RUNTIME_IMAGE}
ARG SERVICE
LABEL org.opencontainers.image.title="brandsignal ${SERVICE}" \
      org.opencontainers.image.source="https://github.com/brandsignal/brandsignal"

RUN groupadd --system --gid 10001 brandsignal \
    && useradd --system --uid 10001 --gid brandsignal --home-dir /app --no-create-home --shell /usr/sbin/nologin brandsignal \
    && mkdir -p /app /var/lib/brandsignal \
    && chown brandsignal:brandsignal /var/lib/brandsignal
# /var/lib/brandsignal is owned by the service user so that a named volume mounted there (the
# scoring-service's Kafka Streams state) starts out writable.

WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./

USER 10001:10001
# The heap follows the container's memory limit; an OutOfMemoryError ends the JVM so the orchestrator
# restarts it instead of leaving a half-working service. Add flags with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
