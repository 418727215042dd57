package se.vittne.storage.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs the retention and deletion jobs with db-scheduler: every node may start it, and each run is
 * picked by one node at a time through the {@code scheduled_tasks} table, so several capture or
 * admin nodes never erase the same thing twice (and the erasure protocol would survive it).
 */
public final class StorageJobs implements AutoCloseable {
  /** How often retention looks for expired recordings. */
  public static final Duration RETENTION_INTERVAL = Duration.ofMinutes(15);

  /** How often pending deletion requests are carried out: well within the hour of R-61. */
  public static final Duration DELETION_INTERVAL = Duration.ofMinutes(5);

  private final Scheduler scheduler;

  private StorageJobs(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * The intervals of a scheduler.
   *
   * @param retention between retention runs
   * @param deletion between deletion runs
   * @param polling how often the scheduler looks for due runs
   */
  public record Intervals(Duration retention, Duration deletion, Duration polling) {
    public static final Intervals PRODUCTION =
        new Intervals(RETENTION_INTERVAL, DELETION_INTERVAL, Duration.ofSeconds(30));

    public Intervals {
      Objects.requireNonNull(retention, "retention");
      Objects.requireNonNull(polling, "polling");
      if (deletion.compareTo(Duration.ofMinutes(30)) > 0) {
        throw new IllegalArgumentException("deletion must run at least every 30 minutes (R-61)");
      }
    }
  }

  /** Starts the scheduler on this node; stop it with {@link #close()}. */
  public static StorageJobs start(
      DataSource dataSource, RetentionJob retention, DeletionJob deletion, Intervals intervals) {
    RecurringTask<Void> retentionTask =
        Tasks.recurring("vittne-retention", FixedDelay.of(intervals.retention()))
            .execute((instance, context) -> retention.runOnce());
    RecurringTask<Void> deletionTask =
        Tasks.recurring("vittne-deletion", FixedDelay.of(intervals.deletion()))
            .execute((instance, context) -> deletion.runOnce());
    Scheduler scheduler =
        Scheduler.create(dataSource)
            .startTasks(retentionTask, deletionTask)
            .pollingInterval(intervals.polling())
            .threads(2)
            .build();
    scheduler.start();
    return new StorageJobs(scheduler);
  }

  @Override
  public void close() {
    scheduler.stop();
  }
}
