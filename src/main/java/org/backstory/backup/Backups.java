package org.backstory.backup;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.backstory.members.SignedInMember;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.StaffActions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The running site's backups: the owner's download and the daily ones. */
@Service
public class Backups {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final DataSource dataSource;

	private final BackstoryProperties app;

	private final BackupProperties backups;

	private final StaffActions staffActions;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Backups(DataSource dataSource, BackstoryProperties app, BackupProperties backups, StaffActions staffActions,
			TransactionTemplate transaction, Clock clock) {
		this.dataSource = dataSource;
		this.app = app;
		this.backups = backups;
		this.staffActions = staffActions;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** {@code backstory-backup-<yyyy-mm-dd>T<hhmmss>Z.zip}, sorting by time. */
	public String fileName() {
		return "backstory-backup-" + STAMP.format(clock.instant()) + ".zip";
	}

	/**
	 * Streams a backup to the owner, recorded in the audit log (in its own transaction,
	 * before any byte is written).
	 */
	public void download(SignedInMember owner, String fileName, OutputStream out) throws Exception {
		transaction.executeWithoutResult(
				status -> staffActions.record(owner.id(), "backup.downloaded", fileName, "a full backup of the site"));
		write(out, Set.of());
	}

	BackupWriter.Summary write(OutputStream out, Set<Path> skip) throws Exception {
		Set<Path> skipped = new HashSet<>(skip);
		backups.directory().ifPresent(skipped::add);
		return new BackupWriter(dataSource, app.dataDir(), clock).write(out, skipped);
	}

}
