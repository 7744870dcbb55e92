package org.backstory.billing;

import org.backstory.billing.card.CardRepository;
import org.backstory.billing.card.CardSetups;
import org.backstory.billing.checkout.CouponRepository;
import org.backstory.billing.gift.GiftRepository;
import org.backstory.billing.group.GroupLicences;
import org.backstory.billing.payment.PaymentRepository;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.backstory.members.MemberDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets a deleted member's billing data: the card on file and subscriptions go,
 * payments stay for the books without the member or the card; coupon redemptions go
 * (coupons keep their counts); gifts they bought or redeemed stay without their name and
 * address. The subscription event log holds neither, so revenue history is unchanged.
 * Runs inside the members module's deleting transaction, so a failure here keeps the
 * member too; running it twice is harmless.
 */
@Component
class MemberBillingErasure {

	private static final Logger log = LoggerFactory.getLogger(MemberBillingErasure.class);

	private final CardRepository cards;

	private final SubscriptionRepository subscriptions;

	private final PaymentRepository payments;

	private final CardSetups setups;

	private final CouponRepository coupons;

	private final GiftRepository gifts;

	private final GroupLicences groups;

	MemberBillingErasure(CardRepository cards, SubscriptionRepository subscriptions, PaymentRepository payments,
			CardSetups setups, CouponRepository coupons, GiftRepository gifts, GroupLicences groups) {
		this.groups = groups;
		this.cards = cards;
		this.subscriptions = subscriptions;
		this.payments = payments;
		this.setups = setups;
		this.coupons = coupons;
		this.gifts = gifts;
	}

	@EventListener
	void on(MemberDeleted event) {
		erase(event.memberId());
	}

	@Transactional
	void erase(long memberId) {
		cards.delete(memberId);
		groups.forgetMember(memberId);
		setups.deleteAllOf(memberId);
		subscriptions.deleteAllOf(memberId);
		payments.anonymise(memberId);
		coupons.forgetMember(memberId);
		gifts.forgetMember(memberId);
		log.info("Billing data erased memberId={}", memberId);
	}

}
