package nl.procesregie.hub.testinfra;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects what this JVM logs while it is open, after the loggers' own levels and filters: the lines an operator
 * would read. For tests that assert what is, or is not, said in the log.
 */
public final class LogVanger extends AbstractAppender implements AutoCloseable {

    /** One logged line: its level, the logger's name and the formatted message. */
    public record Regel(Level niveau, String logger, String tekst) {
    }

    private final List<Regel> regels = new CopyOnWriteArrayList<>();

    private LogVanger() {
        super("log-vanger-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
    }

    public static LogVanger vang() {
        LogVanger vanger = new LogVanger();
        vanger.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(vanger, Level.ALL, null);
        context.updateLoggers();
        return vanger;
    }

    @Override
    public void append(LogEvent event) {
        regels.add(new Regel(event.getLevel(), event.getLoggerName(), event.getMessage().getFormattedMessage()));
    }

    /** The lines whose message contains {@code tekst}. */
    public List<Regel> met(String tekst) {
        return regels.stream().filter(r -> r.tekst().contains(tekst)).toList();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
