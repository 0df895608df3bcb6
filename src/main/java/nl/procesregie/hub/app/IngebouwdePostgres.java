package nl.procesregie.hub.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from embedded binaries, for demo mode; its data folder survives restarts. */
public final class IngebouwdePostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngebouwdePostgres.class);

    private final EmbeddedPostgres postgres;

    private IngebouwdePostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static IngebouwdePostgres start(Path map) throws IOException {
        Files.createDirectories(map);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(map)
                .setCleanDataDirectory(false)
                .start();
        LOG.info("Ingebouwde PostgreSQL luistert op poort {} (gegevens in {})", pg.getPort(), map);
        return new IngebouwdePostgres(pg);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String gebruiker() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
