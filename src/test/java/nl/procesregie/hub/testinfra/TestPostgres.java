package nl.procesregie.hub.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from zonky's embedded binaries. Running as root works because zonky starts the server
 * in a user namespace where it is not root.
 * <p>
 * {@link #shared()} is one server per JVM; each test class isolates itself with {@link #newDatabase()}.
 * {@link #dedicated()} is a server of its own that a test may {@link #stop()} and {@link #start()} again on the same
 * port and data directory, to simulate an outage without disturbing other test classes.
 */
public final class TestPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);

    private static final String USER = "postgres";
    // The server trusts local connections, so the password is never checked; it is non-empty for pools that need one.
    private static final String PASSWORD = "postgres";
    private static final AtomicInteger DATABASE_SEQUENCE = new AtomicInteger();

    private static TestPostgres shared;

    private final boolean dedicated;
    private final Path dataDirectory;
    /** Settings over the launch defaults below. */
    private final Map<String, String> serverConfig;
    private int port;
    private EmbeddedPostgres server;

    private TestPostgres(boolean dedicated, Path dataDirectory, int port, Map<String, String> serverConfig) {
        this.dedicated = dedicated;
        this.serverConfig = Map.copyOf(serverConfig);
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** The JVM-wide server; the first call starts it. Zonky's own shutdown hook stops it and removes its data. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            TestPostgres postgres = new TestPostgres(false, null, 0, Map.of());
            postgres.server = launch(EmbeddedPostgres.builder(), Map.of());
            postgres.port = postgres.server.getPort();
            shared = postgres;
        }
        return shared;
    }

    /**
     * A server of its own, started, with a fixed port and data directory so that {@link #stop()} and
     * {@link #start()} bring back the same server with the same data. Close it when done.
     */
    public static TestPostgres dedicated() {
        return dedicated(Map.of());
    }

    private static TestPostgres dedicated(Map<String, String> serverConfig) {
        Path dataDirectory;
        try {
            dataDirectory = Files.createTempDirectory("test-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestPostgres postgres = new TestPostgres(true, dataDirectory, freePort(), serverConfig);
        postgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "test-postgres-dedicated-shutdown"));
        return postgres;
    }

    /**
     * A dedicated server that keeps every durability setting on, for measurements: zonky starts the server with fsync
     * off ({@code -F}) and synchronous_commit off, which would make every commit look cheaper than in production; the
     * settings here come later on its command line and win (a measurement prints them as the server reports them).
     * It also records commit timestamps, so a measurement can read when a row's transaction committed.
     */
    public static TestPostgres voorMeting() {
        return dedicated(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on",
                "track_commit_timestamp", "on", "shared_buffers", "128MB"));
    }

    /** Starts a stopped dedicated server again; it keeps its port and data. */
    public synchronized void start() {
        requireDedicated("start");
        if (server != null) {
            return;
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // This class stops the server itself; zonky would add another hook on every restart.
                .setRegisterShutdownHook(false);
        server = launch(builder, serverConfig);
    }

    /** Stops a dedicated server (fast shutdown: open connections are terminated); new connections are refused. */
    public synchronized void stop() {
        requireDedicated("stop");
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL on port " + port, e);
        } finally {
            server = null;
        }
    }

    /** Stops a dedicated server and deletes its data; the shared server lives as long as the JVM. */
    @Override
    public synchronized void close() {
        if (!dedicated) {
            return;
        }
        stop();
        deleteRecursively(dataDirectory);
    }

    /** The file system the data lives on: fsync on tmpfs would cost nothing, and a measurement must say so. */
    public String bestandssysteem() {
        try {
            return Files.getFileStore(dedicated ? dataDirectory : Path.of(System.getProperty("java.io.tmpdir")))
                    .type();
        } catch (IOException e) {
            return "onbekend";
        }
    }

    /** Creates an empty database with a unique name and returns its JDBC URL (without credentials). */
    public String newDatabase() {
        String name = "test_" + DATABASE_SEQUENCE.incrementAndGet() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = dataSource(jdbcUrl("postgres")).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on port " + port, e);
        }
        return jdbcUrl(name);
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    /** An unpooled DataSource: every getConnection() opens a new connection, so it survives a server restart. */
    /** The single number a query on database {@code jdbcUrl} returns, such as a count; for tests that wait on one. */
    public long telling(String jdbcUrl, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, USER, PASSWORD);
             ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh database with the hub's schema (Flyway, as the hub migrates at start-up), for tests of its parts. */
    public DataSource schemaDatabase() {
        DataSource db = dataSource(newDatabase());
        Flyway.configure().dataSource(db).load().migrate();
        return db;
    }

    public DataSource dataSource(String jdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    /** The rows of a query, each as its columns joined by '|' (null as "null"): easy to compare in an assertion. */
    public static List<String> rijen(DataSource db, String sql) throws SQLException {
        List<String> rijen = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> waarden = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    waarden.add(String.valueOf(rs.getObject(i)));
                }
                rijen.add(String.join("|", waarden));
            }
        }
        return rijen;
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private static EmbeddedPostgres launch(EmbeddedPostgres.Builder builder, Map<String, String> serverConfig) {
        long startNanos = System.nanoTime();
        try {
            // Test classes that leave pools open must not run into the default limit of 100.
            builder.setServerConfig("max_connections", "300").setServerConfig("shared_buffers", "32MB");
            serverConfig.forEach(builder::setServerConfig);
            EmbeddedPostgres server = builder.start();
            LOG.info("PostgreSQL ready on port {} in {} ms", server.getPort(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    private void requireDedicated(String action) {
        if (!dedicated) {
            throw new IllegalStateException("Cannot " + action + " the shared PostgreSQL: other test classes use it;"
                    + " use TestPostgres.dedicated()");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for PostgreSQL", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}", directory, e);
        }
    }
}
