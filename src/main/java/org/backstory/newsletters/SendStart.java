package org.backstory.newsletters;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.backstory.access.ArticleGate;
import org.backstory.access.EmailRecipient;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Starts a send at its time: fixes the recipients (the newsletter's members in the chosen
 * audience whose addresses are confirmed, each with the edition the access policy allows
 * them), renders each edition once, and hands the send to the workers. One transaction: a
 * crash leaves the send scheduled and the task runs it again, whole. A follow email's
 * recipients are the storyline's followers instead, less those who get the article as a
 * newsletter: its due newsletter sends are started first, so their recipients are known.
 */
@Component
class SendStart {

	private static final int CHUNK = 1000;

	private static final Logger log = LoggerFactory.getLogger(SendStart.class);

	private final SendRepository sends;

	private final RecipientRepository recipients;

	private final SendAudience audience;

	private final NewsletterRepository newsletters;

	private final ArticleCatalog catalog;

	private final ArticleGate gate;

	private final MemberDirectory directory;

	private final Suppressions suppressions;

	private final SendEditions sendEditions;

	private final TransactionOperations transactions;

	private final Clock clock;

	SendStart(SendRepository sends, RecipientRepository recipients, SendAudience audience,
			NewsletterRepository newsletters, ArticleCatalog catalog, ArticleGate gate, MemberDirectory directory,
			Suppressions suppressions, SendEditions sendEditions, TransactionOperations transactions, Clock clock) {
		this.sends = sends;
		this.recipients = recipients;
		this.audience = audience;
		this.newsletters = newsletters;
		this.catalog = catalog;
		this.gate = gate;
		this.directory = directory;
		this.suppressions = suppressions;
		this.sendEditions = sendEditions;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Starts the send if it is still scheduled; whether it did. */
	boolean start(long sendId) {
		sends.find(sendId)
			.filter(send -> send.storylineId() != null && send.status() == SendStatus.SCHEDULED)
			.ifPresent(follow -> sends.dueNewsletterSends(follow.articleId(), clock.instant()).forEach(this::start));
		Boolean started = transactions.execute(status -> sends.lock(sendId)
			.filter(send -> send.status() == SendStatus.SCHEDULED)
			.map(this::startLocked)
			.orElse(false));
		return Boolean.TRUE.equals(started);
	}

	private boolean startLocked(Send send) {
		Instant now = clock.instant();
		Article article = catalog.forSending(send.articleId()).orElse(null);
		Newsletter newsletter = newsletters.find(send.newsletterId()).orElseThrow();
		@Nullable String followed = audience.storylineTitle(send).orElse(null);
		if (article == null) {
			sends.cancel(send.id(), "The article was not published when the send was due.", now);
			log.warn("Newsletter send canceled send={} article={} reason=not-published", send.id(), send.articleId());
			return false;
		}
		if (send.storylineId() != null && followed == null) {
			sends.cancel(send.id(), "The storyline was merged or deleted before its followers were mailed.", now);
			log.warn("Follow email canceled send={} article={} reason=storyline-gone", send.id(), send.articleId());
			return false;
		}
		Set<String> editions = new TreeSet<>();
		int count = 0;
		long after = 0;
		for (List<Long> ids = audience.next(send, after, CHUNK); !ids.isEmpty(); ids = audience.next(send, after,
				CHUNK)) {
			after = ids.get(ids.size() - 1);
			List<NewRecipient> chunk = recipientsOf(send, article, directory.profiles(audience.mailed(send, ids)));
			chunk.stream().filter(r -> r.status().equals("pending")).forEach(r -> editions.add(r.edition()));
			recipients.insertAll(send.id(), chunk, count, now);
			count += chunk.size();
		}
		boolean tracked = sendEditions.store(send, newsletter, article, editions, followed);
		sends.markSending(send.id(), count, tracked, now);
		// Fresh statistics, so the per-message updates use the primary key: planned
		// against the table as it
		// was before this insert (empty, on a new site), they scan every recipient row
		// instead.
		recipients.analyze();
		log.info(
				"Newsletter send started send={} article={} newsletter={} audience={} recipients={} editions={} tracked={}",
				send.id(), article.id(), newsletter.id(), send.audience().code(), count, editions, tracked);
		return true;
	}

	private List<NewRecipient> recipientsOf(Send send, Article article, Map<Long, MemberProfile> profiles) {
		Map<Long, EmailRecipient> decided = gate.emailRecipients(article, profiles.values());
		Set<String> suppressed = suppressions
			.suppressedAmong(profiles.values().stream().map(MemberProfile::email).toList());
		List<NewRecipient> chunk = new ArrayList<>();
		for (MemberProfile member : profiles.values()) {
			EmailRecipient recipient = decided.get(member.id());
			// Double opt-in: an opt-in counts once the address is confirmed, so nobody
			// can subscribe a stranger.
			if (!member.emailVerified() || !send.audience().includes(recipient.paying())) {
				continue;
			}
			String edition = recipient.edition().key();
			if (!NewsletterRules.isAddress(member.email())) {
				chunk.add(new NewRecipient(member.id(), member.email(), member.name(), edition, "failed",
						"Not a valid email address."));
			}
			else if (suppressed.contains(Suppressions.key(member.email()))) {
				chunk.add(new NewRecipient(member.id(), member.email(), member.name(), edition, "suppressed",
						"The address is on the suppression list."));
			}
			else {
				chunk.add(new NewRecipient(member.id(), member.email(), member.name(), edition, "pending", null));
			}
		}
		return chunk;
	}

}
