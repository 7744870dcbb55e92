package org.backstory.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.backstory.billing.MemberBillingQueries;
import org.backstory.billing.SubscriptionService;
import org.backstory.members.ImportedMember;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRoster;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.springframework.stereotype.Component;

/**
 * Writes an archive's subscribers in the caller's transaction, as the member CSV import
 * does: members with confirmed addresses (the publication vouches for its list), opted in
 * to the default newsletters unless they turned mail off, and paid subscribers comped
 * until their paid period ends, flagged so the owner sees who must put a card on file. An
 * address imported before is skipped; one that already has an account keeps it as it is,
 * and is comped when it paid on Substack and has no subscription here.
 */
@Component
class SubscriberImporter {

	/** Labels on the imported members, so staff can find them in the member list. */
	static final String LABEL = "substack";

	static final String PAID_LABEL = "substack-paid";

	/** The platform a flagged comp stands in for. */
	private static final String FROM = ImportSource.SUBSTACK.code();

	private final MemberRoster roster;

	private final Newsletters newsletters;

	private final OptIns optIns;

	private final SubscriptionService subscriptions;

	private final MemberBillingQueries billing;

	private final ImportedItems items;

	private final MemberDirectory directory;

	SubscriberImporter(MemberRoster roster, Newsletters newsletters, OptIns optIns, SubscriptionService subscriptions,
			MemberBillingQueries billing, ImportedItems items, MemberDirectory directory) {
		this.directory = directory;
		this.roster = roster;
		this.newsletters = newsletters;
		this.optIns = optIns;
		this.subscriptions = subscriptions;
		this.billing = billing;
		this.items = items;
	}

	/** What a subscriber import did. */
	record Written(int members, int comps, int existing) {
	}

	Written write(ArchivePlan plan, long staffId, Instant now) {
		if (plan.subscribers().isEmpty()) {
			return new Written(0, 0, 0);
		}
		Map<String, Long> done = items.imported(plan.source(), ImportedItems.Kind.MEMBER,
				plan.subscribers().stream().map(SubscriberImporter::key).toList());
		List<PlannedSubscriber> fresh = plan.subscribers().stream().filter(s -> !done.containsKey(key(s))).toList();
		Set<String> taken = roster.takenEmails(fresh.stream().map(PlannedSubscriber::email).toList());
		List<PlannedSubscriber> added = fresh.stream().filter(s -> !taken.contains(key(s))).toList();
		Map<String, Long> ids = roster.importAll(added.stream()
			.map(s -> new ImportedMember(s.email(), s.name(), "",
					s.paid() ? List.of(LABEL, PAID_LABEL) : List.of(LABEL), s.joinedAt()))
			.toList());
		List<Long> optedIn = new ArrayList<>();
		int comps = 0;
		String tier = billing.defaultCompTier();
		for (PlannedSubscriber subscriber : added) {
			long id = ids.get(key(subscriber));
			items.record(plan.source(), ImportedItems.Kind.MEMBER, key(subscriber), id, now);
			if (subscriber.optIn()) {
				optedIn.add(id);
			}
			if (subscriber.paid() && tier != null) {
				subscriptions.flagCardNeeded(subscriptions.grantCompByStaff(staffId, id, tier, subscriber.compEnds()),
						FROM);
				comps++;
			}
		}
		for (PlannedSubscriber subscriber : fresh) {
			if (subscriber.paid() && tier != null && taken.contains(key(subscriber))) {
				comps += compExisting(subscriber, tier, staffId);
			}
		}
		newsletters.all().stream().filter(Newsletter::defaultOn).forEach(n -> optIns.optInAll(n.id(), optedIn));
		return new Written(added.size(), comps, fresh.size() - added.size());
	}

	/**
	 * A paid subscriber whose address already had an account here keeps the account as it
	 * is, and is comped like the others unless they already have a subscription here.
	 */
	private int compExisting(PlannedSubscriber subscriber, String tier, long staffId) {
		long id = directory.findByEmail(subscriber.email()).orElseThrow().id();
		if (subscriptions.currentSubscription(id).isPresent()) {
			return 0;
		}
		subscriptions.flagCardNeeded(subscriptions.grantCompByStaff(staffId, id, tier, subscriber.compEnds()), FROM);
		return 1;
	}

	private static String key(PlannedSubscriber subscriber) {
		return subscriber.email().toLowerCase(Locale.ROOT);
	}

}
