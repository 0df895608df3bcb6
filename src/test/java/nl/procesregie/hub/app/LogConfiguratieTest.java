package nl.procesregie.hub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/**
 * The log configuration the hub ships with ({@code src/main/resources/log4j2.xml}, which the tests' own configuration
 * hides): the Kafka clients' warning about a missing topic, repeated at every metadata refresh, is dropped, and their
 * other warnings are kept.
 */
class LogConfiguratieTest {

    @Test
    void deWaarschuwingVanDeKafkaclientsOverEenOntbrekendTopicValtWegAndereBlijven() throws IOException {
        URL bestand = getClass().getClassLoader().getResource("log4j2.xml");
        assertNotNull(bestand, "log4j2.xml is on the classpath");
        List<String> gelogd = new CopyOnWriteArrayList<>();
        LoggerContext context = new LoggerContext("hoofdconfiguratie");
        try (InputStream in = bestand.openStream()) {
            context.start(new XmlConfiguration(context, new ConfigurationSource(in, bestand)));
            AbstractAppender vanger = new AbstractAppender("vanger", null, null, true, Property.EMPTY_ARRAY) {
                @Override
                public void append(LogEvent event) {
                    gelogd.add(event.getMessage().getFormattedMessage());
                }
            };
            vanger.start();
            context.getConfiguration().getRootLogger().addAppender(vanger, Level.ALL, null);
            context.updateLoggers();

            var kafka = context.getLogger("org.apache.kafka.clients.NetworkClient");
            kafka.warn("The metadata response from the cluster reported a recoverable issue with correlation id {} : {}",
                    17, Map.of("regie.acties", "UNKNOWN_TOPIC_OR_PARTITION"));
            kafka.warn("Connection to node {} ({}) could not be established. Node may not be available.", -1,
                    "localhost/127.0.0.1:9092");
            context.getLogger(BrokerWacht.class).warn("Topic {} bestaat niet op het Kafka-cluster", "regie.acties");
        } finally {
            context.stop();
        }
        assertEquals(List.of("Connection to node -1 (localhost/127.0.0.1:9092) could not be established. Node may not "
                + "be available.", "Topic regie.acties bestaat niet op het Kafka-cluster"), gelogd);
    }

    @Test
    void deRegelsVanDeBestandscomponentNoemenEenBsnInEenBestandsnaamNiet() throws IOException {
        URL bestand = getClass().getClassLoader().getResource("log4j2.xml");
        LoggerContext context = new LoggerContext("hoofdconfiguratie");
        try (InputStream in = bestand.openStream()) {
            context.start(new XmlConfiguration(context, new ConfigurationSource(in, bestand)));
            for (String naam : List.of("org.apache.camel.component.file.GenericFileOnCompletion",
                    "nl.procesregie.hub.routes")) {
                var logger = context.getConfiguration().getLoggerConfig(naam);
                assertEquals(List.of("ConsoleGemaskeerd"), List.copyOf(logger.getAppenders().keySet()), naam);
                assertEquals(false, logger.isAdditive(), naam + " logs once, masked");
                LogEvent regel = Log4jLogEvent.newBuilder().setLoggerName(naam).setLevel(Level.WARN)
                        .setMessage(new SimpleMessage("Rollback file strategy for file: GenericFile[/invoer/"
                                + "jw301-999999990-ab.xml]"))
                        .setThrown(new NoSuchFileException("/invoer/999999990.xml")).build();
                String tekst = logger.getAppenders().get("ConsoleGemaskeerd").getLayout().toSerializable(regel)
                        .toString();
                assertFalse(tekst.contains("999999990"), tekst);
                assertTrue(tekst.contains("/invoer/jw301-*********-ab.xml"), tekst);
            }
        } finally {
            context.stop();
        }
    }
}
