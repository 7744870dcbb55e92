package org.backstory.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.backstory.billing.BillingRestore;
import org.backstory.members.SignedInMember;
import org.backstory.shared.StaffActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import itself: one transaction that writes a checked archive whole, or (on any
 * failure) nothing.
 */
@Component
class ArchiveWriter {

	private static final Logger log = LoggerFactory.getLogger(ArchiveWriter.class);

	/**
	 * One import at a time, so two confirmations of one archive cannot both miss each
	 * other's source keys.
	 */
	private static final long IMPORT_LOCK = 0x696d706f7274L;

	private final PendingArchives pending;

	private final ArchiveChecks checks;

	private final ArticleImporter articles;

	private final SubscriberImporter subscribers;

	private final BillingRestorer billing;

	private final ArchiveMembers memberFile;

	private final StaffActions staffActions;

	private final JdbcClient jdbc;

	private final Clock clock;

	ArchiveWriter(PendingArchives pending, ArchiveChecks checks, ArticleImporter articles,
			SubscriberImporter subscribers, BillingRestorer billing, ArchiveMembers memberFile,
			StaffActions staffActions, JdbcClient jdbc, Clock clock) {
		this.billing = billing;
		this.memberFile = memberFile;
		this.pending = pending;
		this.checks = checks;
		this.articles = articles;
		this.subscribers = subscribers;
		this.staffActions = staffActions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	ArchiveImport.Outcome write(SignedInMember staff, String id) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(IMPORT_LOCK).query(Object.class).single();
		Instant now = clock.instant();
		Optional<PendingArchives.Pending> archive = pending.take(id, staff.id(), now);
		if (archive.isEmpty()) {
			return new ArchiveImport.Outcome.Unknown();
		}
		ArchivePlan plan = checks.check(staff.id(), archive.get().fileName(), archive.get().content());
		if (!plan.importable()) {
			return new ArchiveImport.Outcome.Refused(plan);
		}
		ArticleImporter.Written written = articles.write(plan, staff, now);
		SubscriberImporter.Written members = subscribers.write(plan, staff.id(), now);
		// Members before billing, whose rows name them by address; all in this
		// transaction, so a refusal of either undoes both.
		ArchiveMembers.Written fromCsv = plan.members() == null ? new ArchiveMembers.Written(0, 0, 0)
				: memberFile.write(staff.id(), plan.members());
		BillingRestore.Restored restored = billing.write(plan.restore());
		staffActions.record(staff.id(), "archive.imported",
				plan.source().label() + " archive " + archive.get().fileName(),
				written.articles() + " articles, " + (members.members() + fromCsv.members()) + " members, "
						+ (members.comps() + fromCsv.comps()) + " comps"
						+ (restored.subscriptions() + restored.payments() == 0 ? "" : ", " + restored.subscriptions()
								+ " subscriptions and " + restored.payments() + " payments restored"));
		log.info(
				"Archive imported source={} articles={} images={} members={} comps={} subscriptions={} payments={} staffId={}",
				plan.source().code(), written.articles(), written.imagesCopied(), members.members() + fromCsv.members(),
				members.comps() + fromCsv.comps(), restored.subscriptions(), restored.payments(), staff.id());
		return new ArchiveImport.Outcome.Imported(plan.source(), written.articles(),
				plan.posts().size() - written.articles(), written.imagesCopied(), written.keptAsLinks(),
				members.members() + fromCsv.members(), (int) (members.comps() + fromCsv.comps()), members.existing(),
				restored.subscriptions(), restored.payments(), restored.cardNeeded());
	}

}
