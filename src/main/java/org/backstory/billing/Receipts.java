package org.backstory.billing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backstory.billing.payment.PaymentRepository;
import org.backstory.billing.payment.ReceiptRepository;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.springframework.stereotype.Service;

/**
 * A member's billing history with what each payment was for, and the receipt of each
 * successful one, numbered by its invoice number and naming the publisher from the
 * publication's settings.
 */
@Service
public class Receipts {

	private final PaymentRepository payments;

	private final ReceiptRepository receipts;

	private final MemberDirectory members;

	private final PublicationService publications;

	Receipts(PaymentRepository payments, ReceiptRepository receipts, MemberDirectory members,
			PublicationService publications) {
		this.payments = payments;
		this.receipts = receipts;
		this.members = members;
		this.publications = publications;
	}

	/**
	 * Whether the member has made any payment, so the account page knows to link the
	 * history.
	 */
	public boolean hasPayments(long memberId) {
		return payments.hasAny(memberId);
	}

	/** Every payment of the member, newest first, each with what it was for. */
	public List<BillingEntry> history(long memberId) {
		Map<Long, ReceiptRepository.PaidFor> paidFor = receipts.paidFor(memberId);
		return payments.history(memberId)
			.stream()
			.map(payment -> new BillingEntry(payment, describe(paidFor, payment)))
			.toList();
	}

	/**
	 * The receipt of one of the member's successful payments; empty for a payment that is
	 * not theirs or took no money, so nobody reads another's receipt.
	 */
	public Optional<Receipt> receipt(long memberId, long paymentId) {
		Optional<PaymentRecord> payment = payments.history(memberId)
			.stream()
			.filter(p -> p.id() == paymentId && p.succeeded())
			.findFirst();
		Optional<MemberProfile> member = members.profile(memberId);
		if (payment.isEmpty() || member.isEmpty()) {
			return Optional.empty();
		}
		Publication publication = publications.publication();
		return Optional
			.of(new Receipt(payment.get(), describe(receipts.paidFor(memberId), payment.get()), member.get().name(),
					member.get().email(), publication.name(), publication.sellerName(), publication.postalAddress()));
	}

	private static String describe(Map<Long, ReceiptRepository.PaidFor> paidFor, PaymentRecord payment) {
		ReceiptRepository.PaidFor what = paidFor.get(payment.id());
		return what == null ? "Payment" : what.description();
	}

}
