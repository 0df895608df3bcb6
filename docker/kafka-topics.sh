#!/bin/sh
# One-shot service of docker/compose.yaml: creates the hub's topics. In productie the hub creates no topics and the
# broker here does not create them on first use (as on a managed cluster), so a misspelt topic name fails loudly
# instead of quietly filling a new topic nobody reads.
set -eu

bootstrap="${BOOTSTRAP:-kafka:9092}"
partities="${PARTITIES:-3}"
kafka_topics=/opt/kafka/bin/kafka-topics.sh

# All seven of the hub's topics, names as its defaults: the incoming iJw topics, the back office's meldingen and
# acknowledgements, the outgoing signal events and the dead-letter topic. The hub is not ready while one is missing.
for topic in ijw.toewijzingen ijw.start-stop ijw.verzoeken regie.meldingen regie.acties regie.signalen ijw.ongeldig; do
  "${kafka_topics}" --bootstrap-server "${bootstrap}" --create --if-not-exists \
    --topic "${topic}" --partitions "${partities}" --replication-factor 1
done
"${kafka_topics}" --bootstrap-server "${bootstrap}" --list
