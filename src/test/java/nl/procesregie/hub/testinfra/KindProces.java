package nl.procesregie.hub.testinfra;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A part of the system in a JVM of its own, on this test's class path, for tests that kill it with -9. */
public final class KindProces {

    private KindProces() {
    }

    /** A port free at this moment, for a process that must be told its port before it starts. */
    public static int vrijePoort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code main} working in {@code map}, its output appended to {@code <naam>.log} there. */
    public static Process start(Class<?> main, String naam, List<String> jvmOpties, Map<String, String> env, Path map,
                         String... args) throws IOException {
        List<String> opdracht = new ArrayList<>();
        opdracht.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        opdracht.addAll(jvmOpties);
        opdracht.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        opdracht.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(opdracht).directory(map.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(map.resolve(naam + ".log").toFile()));
        pb.environment().putAll(env);
        return pb.start();
    }
}
