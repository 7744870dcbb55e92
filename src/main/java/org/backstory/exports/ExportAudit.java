package org.backstory.exports;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.backstory.members.SignedInMember;
import org.backstory.publishing.PublicationService;
import org.backstory.shared.StaffActions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Names the archive and records each download in the audit log, in its own transaction,
 * before it is written.
 */
@Component
class ExportAudit {

	private final StaffActions staffActions;

	private final TransactionTemplate transaction;

	private final PublicationService publication;

	private final Clock clock;

	ExportAudit(StaffActions staffActions, TransactionTemplate transaction, PublicationService publication,
			Clock clock) {
		this.staffActions = staffActions;
		this.transaction = transaction;
		this.publication = publication;
		this.clock = clock;
	}

	void downloaded(SignedInMember owner, String fileName) {
		transaction.executeWithoutResult(
				status -> staffActions.record(owner.id(), "export.downloaded", fileName, "the owner's export"));
	}

	/**
	 * {@code backstory-export-<site>-<yyyy-mm-dd>.zip}, the site's name in lower-case
	 * ASCII words.
	 */
	String archiveName() {
		return "backstory-export-" + slug(publication.publication().name()) + "-"
				+ LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".zip";
	}

	static String slug(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		return slug.isEmpty() ? "site" : slug;
	}

}
