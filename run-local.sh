#!/usr/bin/env bash
# Runs the whole Råderum platform on this machine without Docker: PostgreSQL, Kafka, Keycloak and every
# service, until Ctrl-C. Needs only a JDK 17+. Options: --no-build (skip the Maven build), --infra-only,
# --clean (start with empty data). Data and logs: .state/dev-stack/
set -euo pipefail
cd "$(dirname "$0")"
build=true
args=()
for arg in "$@"; do
  if [[ "$arg" == "--no-build" ]]; then build=false; else args+=("$arg"); fi
done
if [[ "$build" == true ]]; then
  echo "[raaderum] Building (./mvnw package -DskipTests) ..."
  ./mvnw -q -B package -DskipTests
fi
# No Class-Path in the jar's manifest: the system tests put the same jar on their classpath.
exec java -cp "deploy/dev-stack/target/raaderum-dev-stack.jar:deploy/dev-stack/target/lib/*" dk.raaderum.devstack.DevStack \
  ${args[@]+"${args[@]}"}
