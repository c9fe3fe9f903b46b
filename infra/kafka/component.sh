# shellcheck shell=bash
# Sourced by ./omni: the Kafka broker (KRaft, one node), its jars resolved by Maven from infra/kafka/pom.xml, its
# settings in infra/kafka/server.properties; it creates the topics (TOPICS and TEST_TOPICS in ./omni) with
# infra/kafka/CreateTopics.java.
# shellcheck disable=SC2154 # ROOT, STATE, LOGS, JAVA, TOPICS and TEST_TOPICS are set by ./omni

register_infra 20 kafka
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093

kafka_classpath() {
  local dir="$STATE/kafka" pom="$ROOT/infra/kafka/pom.xml"
  if [ ! -s "$dir/classpath" ] || [ "$pom" -nt "$dir/classpath" ]; then
    say "resolving the Kafka broker's jars with Maven (once)"
    mvnw -q -f "$pom" dependency:build-classpath -Dmdep.outputFile="$dir/classpath" >"$LOGS/kafka-resolve.log" 2>&1 \
      || component_failed kafka "$LOGS/kafka-resolve.log" "resolving org.apache.kafka:kafka_2.13"
  fi
  cat "$dir/classpath"
}

start_kafka() {
  local dir="$STATE/kafka" classpath
  if is_running kafka; then
    say "kafka already running on localhost:$KAFKA_PORT"
    return
  fi
  if [ "$(health_of kafka)" = UP ]; then
    say "kafka of another checkout answers on localhost:$KAFKA_PORT: reusing it"
    return
  fi
  port_open "$KAFKA_PORT" && fail "port $KAFKA_PORT is taken by a process that is not kafka"
  mkdir -p "$dir"
  classpath="$(kafka_classpath)"
  sed -e "s#@DATA@#$dir/data#" -e "s#@PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
    "$ROOT/infra/kafka/server.properties" >"$dir/server.properties"
  if [ ! -f "$dir/data/meta.properties" ]; then
    say "formatting Kafka storage (KRaft) in $dir/data"
    "$JAVA" -cp "$classpath" kafka.tools.StorageTool format -t "$("$JAVA" -cp "$classpath" kafka.tools.StorageTool random-uuid)" \
      -c "$dir/server.properties" >"$LOGS/kafka-format.log" 2>&1 || component_failed kafka "$LOGS/kafka-format.log" "storage format"
  fi
  say "starting kafka on localhost:$KAFKA_PORT"
  spawn kafka "$JAVA" -Xms256m -Xmx512m -Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.properties" \
    -cp "$classpath" kafka.Kafka "$dir/server.properties"
  wait_for kafka 60 "port_open $KAFKA_PORT"
  say "creating topics"
  "$JAVA" -cp "$classpath" "$ROOT/infra/kafka/CreateTopics.java" "localhost:$KAFKA_PORT" "${TOPICS[@]}" "${TEST_TOPICS[@]}" \
    >>"$LOGS/kafka.log" 2>&1 || component_failed kafka "$LOGS/kafka.log" "creating topics"
}

health_kafka() { port_open "$KAFKA_PORT"; }
where_kafka() { echo "localhost:$KAFKA_PORT"; }
