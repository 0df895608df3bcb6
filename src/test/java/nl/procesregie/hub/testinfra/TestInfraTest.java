package nl.procesregie.hub.testinfra;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** Proves that the test infrastructure runs real servers in this JVM, without Docker. */
class TestInfraTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void kafkaSendsReadsBackAndReportsCommittedOffsets() {
        TestKafka kafka = TestKafka.shared();
        String topic = "smoke-" + UUID.randomUUID();
        kafka.createTopics(2, topic);
        kafka.createTopics(2, topic);

        kafka.send(topic, "een".getBytes(UTF_8));
        kafka.send(topic, "twee".getBytes(UTF_8), List.of(new RecordHeader("bron", "smoke".getBytes(UTF_8))));

        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topic, 2, TIMEOUT);
        assertEquals(Set.of("een", "twee"), records.stream()
                .map(r -> new String(r.value(), UTF_8)).collect(Collectors.toSet()));
        ConsumerRecord<byte[], byte[]> withHeader = records.stream()
                .filter(r -> new String(r.value(), UTF_8).equals("twee")).findFirst().orElseThrow();
        assertArrayEquals("smoke".getBytes(UTF_8), withHeader.headers().lastHeader("bron").value());

        String group = "smoke-group-" + UUID.randomUUID();
        assertEquals(-1, kafka.committedOffset(group, topic, 0));
        consumeAndCommit(kafka, group, topic, records.size());
        // The consumer owns both partitions, so it commits a position for an empty partition too: 0.
        for (int partition = 0; partition < 2; partition++) {
            int p = partition;
            long expected = records.stream().filter(r -> r.partition() == p).count();
            assertEquals(expected, kafka.committedOffset(group, topic, partition),
                    "committed offset of partition " + partition);
        }
    }

    @Test
    void kafkaReadAllFailsClearlyWhenRecordsAreMissing() {
        TestKafka kafka = TestKafka.shared();
        String topic = "smoke-empty-" + UUID.randomUUID();
        kafka.createTopics(1, topic);

        AssertionError error = assertThrows(AssertionError.class,
                () -> kafka.readAll(topic, 1, Duration.ofMillis(500)));
        assertTrue(error.getMessage().contains(topic) && error.getMessage().contains("read 0"), error.getMessage());
    }

    @Test
    void postgresDatabasesAreIsolated() throws SQLException {
        TestPostgres postgres = TestPostgres.shared();
        String first = postgres.newDatabase();
        String second = postgres.newDatabase();
        assertNotEquals(first, second);

        execute(postgres.dataSource(first), "CREATE TABLE marker (id int); INSERT INTO marker VALUES (1)");

        assertEquals(1, count(postgres.dataSource(first), "marker"));
        assertFalse(tableExists(postgres.dataSource(second), "marker"));
    }

    @Test
    void dedicatedPostgresComesBackWithItsDataAfterAnOutage() throws SQLException {
        try (TestPostgres postgres = TestPostgres.dedicated()) {
            DataSource dataSource = postgres.dataSource(postgres.newDatabase());
            execute(dataSource, "CREATE TABLE marker (id int); INSERT INTO marker VALUES (1)");
            int port = postgres.port();

            postgres.stop();
            assertThrows(SQLException.class, dataSource::getConnection);

            postgres.start();
            assertEquals(port, postgres.port());
            assertEquals(1, count(dataSource, "marker"));
        }
    }

    @Test
    void smtpReceivesRefusesWhileDownAndRecovers() throws MessagingException {
        try (TestSmtp smtp = TestSmtp.start()) {
            Session session = mailSession(smtp);

            Transport.send(mail(session, "eerste"));
            assertEquals("eerste", smtp.waitForMessages(1, TIMEOUT).get(0).getSubject());

            smtp.stop();
            assertThrows(MessagingException.class, () -> Transport.send(mail(session, "tijdens storing")));

            smtp.restart();
            Transport.send(mail(session, "na herstart"));
            List<MimeMessage> messages = smtp.waitForMessages(2, TIMEOUT);
            assertEquals(List.of("eerste", "na herstart"), subjects(messages));

            smtp.reset();
            assertEquals(0, smtp.received().length);
        }
    }

    private static void consumeAndCommit(TestKafka kafka, String group, String topic, int expected) {
        Properties config = new Properties();
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            int consumed = 0;
            while (consumed < expected) {
                assertTrue(System.nanoTime() < deadline, "consumed only " + consumed + " of " + expected);
                consumed += consumer.poll(Duration.ofMillis(100)).count();
            }
            consumer.commitSync();
        }
    }

    private static Session mailSession(TestSmtp smtp) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        return Session.getInstance(properties);
    }

    private static MimeMessage mail(Session session, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("hub@procesregie.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("regisseur@gemeente.test"));
        message.setSubject(subject);
        message.setText("Smoke test");
        return message;
    }

    private static List<String> subjects(List<MimeMessage> messages) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : messages) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int count(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static boolean tableExists(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, "public", table, null)) {
            return tables.next();
        }
    }
}
