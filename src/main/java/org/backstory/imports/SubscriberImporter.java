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
import org.backstory.members.MemberRoster;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.springframework.stereotype.Component;

/**
 * Writes an archive's subscribers in the caller's transaction, as the member CSV import does: members with
 * confirmed addresses (the publication vouches for its list), opted in to the default newsletters unless
 * they turned mail off, and paid subscribers comped until their paid period ends, flagged so the owner sees
 * who must put a card on file. An address imported before, or that already has an account, is left alone.
 */
@Component
class SubscriberImporter {

	/** Labels on the imported members, so staff can find them in the member list. */
	static final String LABEL = "substack";

	static final String PAID_LABEL = "substack-paid";

	private final MemberRoster roster;

	private final Newsletters newsletters;

	private final OptIns optIns;

	private final SubscriptionService subscriptions;

	private final MemberBillingQueries billing;

	private final ImportedItems items;

	SubscriberImporter(MemberRoster roster, Newsletters newsletters, OptIns optIns, SubscriptionService subscriptions,
			MemberBillingQueries billing, ImportedItems items) {
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
			.map(s -> new ImportedMember(s.email(), s.name(), "", s.paid() ? List.of(LABEL, PAID_LABEL) : List.of(LABEL),
					s.joinedAt()))
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
				long comp = subscriptions.grantCompByStaff(staffId, id, tier, subscriber.compEnds());
				subscriptions.flagCardNeeded(comp, plan.source().code());
				comps++;
			}
		}
		newsletters.all().stream().filter(Newsletter::defaultOn).forEach(n -> optIns.optInAll(n.id(), optedIn));
		return new Written(added.size(), comps, fresh.size() - added.size());
	}

	private static String key(PlannedSubscriber subscriber) {
		return subscriber.email().toLowerCase(Locale.ROOT);
	}

}
