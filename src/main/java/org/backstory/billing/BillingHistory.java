package org.backstory.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** A member's payments, for their billing history and receipts, and for staff looking after them. */
@Service
public class BillingHistory {

	private final PaymentRepository payments;

	BillingHistory(PaymentRepository payments) {
		this.payments = payments;
	}

	/** Every payment of the member, newest first. */
	public List<PaymentRecord> payments(long memberId) {
		return payments.history(memberId);
	}

	/** One of the member's payments; empty when it is not theirs, so nobody reads another's receipt. */
	public Optional<PaymentRecord> payment(long memberId, long paymentId) {
		return payments.history(memberId).stream().filter(p -> p.id() == paymentId).findFirst();
	}

}
