package nl.procesregie.hub.timers;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.opslag.Foutspoor;

/**
 * Quartz with its clustered JDBC job store on the hub's PostgreSQL: one one-shot trigger per open deadline, named by
 * the deadline's key, fired once across all hub instances and fired at once (misfire: fire now) when every instance
 * was down at its moment. Quartz only wakes the hub; whether a deadline still has to fire is decided by its row.
 * <p>
 * The instants come from {@link Termijnkalender}, never from cron expressions (Quartz has open daylight-saving bugs
 * in Europe/Amsterdam). All instances use the same scheduler name, so they share the triggers; each has its own id.
 */
public final class Tijdplanner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Tijdplanner.class);
    /** The scheduler name is the cluster: every hub instance on one database must use the same one. */
    public static final String NAAM = "procesregie-hub";
    static final String GROEP = "termijnen";
    static final JobKey JOB = JobKey.jobKey("termijn-verlopen", GROEP);
    static final String SLEUTEL = "sleutel";
    static final String BIJ_VERLOPEN = "bijVerlopen";

    /** Where Quartz finds the database; Quartz keeps its own small pool of connections. */
    public record Database(String url, String gebruiker, String wachtwoord) {
        @Override
        public String toString() {
            return "Database[" + url + "]";
        }
    }

    private final Scheduler scheduler;

    private Tijdplanner(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Joins the cluster in standby: triggers can be planned, none fires until {@link #start()}.
     *
     * @param bijVerlopen called with a deadline's key when its trigger fires, on a Quartz thread
     */
    public static Tijdplanner maak(Database db, Duration incheckInterval, Consumer<String> bijVerlopen)
            throws SchedulerException {
        if (SchedulerRepository.getInstance().lookup(NAAM) != null) {
            // Quartz keeps schedulers per JVM by name: a second hub in this JVM would share, and then stop, the first
            // one's scheduler. Instances of one cluster run in processes of their own.
            throw new IllegalStateException("in deze JVM draait al een hub met een tijdplanner");
        }
        String bron = "hub-" + UUID.randomUUID();
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", NAAM);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", bron);
        p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(incheckInterval.toMillis()));
        // Without the lock two instances can acquire the same trigger between their reads.
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // A deadline that passed while every instance was down fires at once, not after the default minute.
        p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        p.setProperty("org.quartz.dataSource." + bron + ".provider", "hikaricp");
        p.setProperty("org.quartz.dataSource." + bron + ".driver", "org.postgresql.Driver");
        p.setProperty("org.quartz.dataSource." + bron + ".URL", db.url());
        if (db.gebruiker() != null) {
            p.setProperty("org.quartz.dataSource." + bron + ".user", db.gebruiker());
        }
        if (db.wachtwoord() != null) {
            p.setProperty("org.quartz.dataSource." + bron + ".password", db.wachtwoord());
        }
        p.setProperty("org.quartz.dataSource." + bron + ".maxConnections", "4");
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
        try {
            scheduler.getContext().put(BIJ_VERLOPEN, bijVerlopen);
            JobDetail job = JobBuilder.newJob(TermijnJob.class).withIdentity(JOB).storeDurably()
                    // A job cut off by a dying instance runs again on another: the deadline row makes that harmless.
                    .requestRecovery().build();
            scheduler.addJob(job, true);
            return new Tijdplanner(scheduler);
        } catch (SchedulerException | RuntimeException e) {
            scheduler.shutdown(false);
            throw e;
        }
    }

    /** From now on triggers fire on this instance (as on every other started instance of the cluster). */
    public void start() throws SchedulerException {
        scheduler.start();
        LOG.info("Tijdplanner gestart als {} in cluster {}", scheduler.getSchedulerInstanceId(), NAAM);
    }

    /** Creates or moves the trigger of deadline {@code sleutel} to {@code op}. */
    public void plan(String sleutel, Instant op) throws SchedulerException {
        TriggerKey key = TriggerKey.triggerKey(sleutel, GROEP);
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(JOB).startAt(Date.from(op))
                .usingJobData(SLEUTEL, sleutel)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        Trigger bestaand = scheduler.getTrigger(key);
        if (bestaand != null) {
            // A trigger without a next fire time has fired (its job is still running) and will be removed: a
            // deadline planned again from that job needs a trigger of its own.
            if (!Date.from(op).equals(bestaand.getStartTime()) || bestaand.getNextFireTime() == null) {
                scheduler.rescheduleJob(key, trigger);
            }
            return;
        }
        try {
            scheduler.scheduleJob(trigger);
        } catch (ObjectAlreadyExistsException e) {
            // Another instance planned it between our read and write; make sure it carries this moment.
            scheduler.rescheduleJob(key, trigger);
        }
    }

    /** Removes the trigger of a deadline that no longer has to fire (or already fired). */
    public void annuleer(String sleutel) throws SchedulerException {
        scheduler.unscheduleJob(TriggerKey.triggerKey(sleutel, GROEP));
    }

    public boolean heeftTrigger(String sleutel) throws SchedulerException {
        return scheduler.checkExists(TriggerKey.triggerKey(sleutel, GROEP));
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("Tijdplanner stopte niet netjes: {}", e.toString());
        }
    }

    /** Hands the key of a fired deadline to the hub; a failure leaves the deadline open for the catch-up round. */
    public static final class TermijnJob implements Job {
        @Override
        @SuppressWarnings("unchecked")
        public void execute(JobExecutionContext context) {
            String sleutel = context.getMergedJobDataMap().getString(SLEUTEL);
            try {
                ((Consumer<String>) context.getScheduler().getContext().get(BIJ_VERLOPEN)).accept(sleutel);
            } catch (SchedulerException | RuntimeException e) {
                LOG.warn("Termijn {} kon niet worden afgehandeld; de inhaalronde probeert het opnieuw: {}", sleutel,
                        Foutspoor.van(e));
            }
        }
    }
}
