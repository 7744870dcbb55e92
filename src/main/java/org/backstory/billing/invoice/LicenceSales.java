package org.backstory.billing.invoice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.backstory.billing.GroupTerms;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.ledger.SubscriptionEventLog;
import org.backstory.billing.ledger.SubscriptionEventLog.Actor;
import org.backstory.billing.ledger.SubscriptionEventLog.Cause;
import org.backstory.billing.subscription.NewSubscription;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.shared.StaffActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Staff selling a group licence to an institution that pays by bank transfer: the seats
 * are usable at once and invoice 1 is issued; {@link GroupInvoices} looks after the
 * invoices afterwards.
 */
@Service
public class LicenceSales {

	private static final Logger log = LoggerFactory.getLogger(LicenceSales.class);

	private final PlanCatalog plans;

	private final SubscriptionRepository subscriptions;

	private final LicenceRepository licences;

	private final SubscriptionEventLog events;

	private final MemberDirectory members;

	private final InvoiceIssuing issuing;

	private final StaffActions audit;

	private final Clock clock;

	LicenceSales(PlanCatalog plans, SubscriptionRepository subscriptions, LicenceRepository licences,
			SubscriptionEventLog events, MemberDirectory members, InvoiceIssuing issuing, StaffActions audit,
			Clock clock) {
		this.plans = plans;
		this.subscriptions = subscriptions;
		this.licences = licences;
		this.events = events;
		this.members = members;
		this.issuing = issuing;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Sells the licence: a group subscription for the manager (an account is made for a
	 * new address), paid by invoice, running from the start date, and its first invoice.
	 * Refused with a sentence, and nothing written, when the plan is not a group plan,
	 * the first period would already be over, or the manager already has a subscription.
	 */
	@Transactional
	public SaleOutcome sell(LicenceSale sale, long staffId) {
		Instant now = clock.instant();
		PlanCatalog.StoredPlan plan = plans.find(sale.planCode()).orElse(null);
		if (plan == null || plan.group() == null || !plan.plan().active()) {
			return new SaleOutcome.Refused("planCode", "Choose an active group plan.");
		}
		Instant start = sale.startDate().atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = sale.interval().periodEnd(start);
		if (!end.isAfter(now)) {
			return new SaleOutcome.Refused("startDate",
					"The first period would already be over: choose a later start date.");
		}
		if (start.isAfter(now.plus(Duration.ofDays(366)))) {
			return new SaleOutcome.Refused("startDate", "The start date can be at most a year ahead.");
		}
		Optional<MemberProfile> existing = members.findByEmail(sale.managerEmail());
		if (existing.isPresent() && subscriptions.isSubscribed(existing.get().id())) {
			return new SaleOutcome.Refused("managerEmail", sale.managerEmail()
					+ " already has a subscription; a manager holds their seat through the licence.");
		}
		long managerId;
		try {
			managerId = existing.isPresent() ? existing.get().id() : members
				.createAccount(new NewAccount(sale.managerEmail(), sale.managerName(), null, MemberRole.MEMBER, false));
		}
		catch (IllegalArgumentException ex) {
			return new SaleOutcome.Refused("managerEmail", String.valueOf(ex.getMessage()));
		}
		GroupTerms terms = plan.group();
		PlanCatalog.StoredPlan priced = plan.forSeats(sale.seats());
		int seats = priced.seats() == null ? terms.includedSeats() : priced.seats();
		Long subscriptionId = subscriptions
			.insertUnlessLive(new NewSubscription(managerId, plan.id(), plan.plan().tier(), sale.interval(),
					priced.plan().price(sale.interval()), plan.plan().currency(), SubscriptionStatus.ACTIVE, false,
					start, end, null, seats), now)
			.orElse(null);
		if (subscriptionId == null) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return new SaleOutcome.Refused("managerEmail",
					sale.managerEmail() + " has a checkout under way; try again in a few minutes.");
		}
		licences.insert(subscriptionId, sale, staffId, now);
		events.record(subscriptionId, SubscriptionStatus.INCOMPLETE, Cause.LICENCE_SOLD, Actor.staff(staffId), now);
		InvoiceLicence licence = licences.lock(subscriptionId).orElseThrow();
		long invoiceId = issuing
			.issue(licence, start, end, plan.plan().price(sale.interval()), terms.seatPrice(sale.interval()),
					terms.includedSeats(), now)
			.orElseThrow();
		audit.record(staffId, "licence.sold", "group licence " + subscriptionId + " " + sale.institution(),
				plan.plan().name() + ", " + seats + " seats, " + sale.interval().code() + "ly, manager "
						+ sale.managerEmail());
		log.info("Group licence sold by invoice subscriptionId={} staffId={}", subscriptionId, staffId);
		return new SaleOutcome.Sold(subscriptionId, invoiceId);
	}

}
