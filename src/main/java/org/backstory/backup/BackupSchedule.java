package org.backstory.backup;

import java.time.LocalTime;
import java.time.ZoneOffset;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily backup at 03:00 UTC, when {@code BACKSTORY_BACKUP_DIR} is set: db-scheduler
 * runs it on one node of several. The work is looked up when the task runs, as the
 * scheduler is built from the tasks.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${backstory.backup.dir:}'.isBlank()")
class BackupSchedule {

	@Bean
	RecurringTask<Void> dailyBackupTask(ObjectProvider<Backups> backups, BackupProperties properties) {
		return Tasks.recurring("backup-daily", Schedules.daily(ZoneOffset.UTC, LocalTime.of(3, 0)))
			.execute((instance, context) -> {
				try {
					new DailyBackups(backups.getObject(), properties.directory().orElseThrow(), properties.keep())
						.run();
				}
				catch (Exception ex) {
					throw new IllegalStateException("The daily backup failed", ex);
				}
			});
	}

}
