package org.backstory.billing.stripe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.RefundListParams;
import org.backstory.billing.payment.GatewayRefund;
import org.backstory.billing.payment.PaymentGatewayException;
import org.backstory.billing.payment.PaymentGatewaySelection;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Reads from Stripe what a webhook event leaves out. Each read throws
 * {@link PaymentGatewayException} when Stripe does not answer, so the event is tried
 * again.
 */
@Component
@Conditional(PaymentGatewaySelection.Stripe.class)
class StripeReader {

	private final StripeClient stripe;

	StripeReader(StripeClient stripe) {
		this.stripe = stripe;
	}

	/**
	 * The idempotency key our PaymentIntent {@code paymentIntentId} was made with, or
	 * empty if it is not ours.
	 */
	Optional<String> idempotencyKeyOf(String paymentIntentId) {
		try {
			PaymentIntent intent = stripe.v1().paymentIntents().retrieve(paymentIntentId);
			Map<String, String> metadata = intent.getMetadata();
			return Optional.ofNullable(metadata == null ? null : metadata.get(StripePaymentGateway.IDEMPOTENCY_KEY));
		}
		catch (InvalidRequestException ex) {
			if ("resource_missing".equals(ex.getCode())) {
				return Optional.empty();
			}
			throw StripePaymentGateway.unanswered("payment lookup", ex);
		}
		catch (StripeException ex) {
			throw StripePaymentGateway.unanswered("payment lookup", ex);
		}
	}

	/**
	 * The refunds of PaymentIntent {@code paymentIntentId} that count: pending or
	 * succeeded.
	 */
	List<GatewayRefund> refundsOf(String paymentIntentId) {
		List<GatewayRefund> refunds = new ArrayList<>();
		try {
			for (com.stripe.model.Refund refund : stripe.v1()
				.refunds()
				.list(RefundListParams.builder().setPaymentIntent(paymentIntentId).setLimit(100L).build())
				.autoPagingIterable()) {
				if (!"failed".equals(refund.getStatus()) && !"canceled".equals(refund.getStatus())) {
					refunds.add(new GatewayRefund(refund.getId(), refund.getAmount(),
							refund.getMetadata() == null ? null
									: refund.getMetadata().get(StripePaymentGateway.IDEMPOTENCY_KEY),
							refund.getReason()));
				}
			}
			return refunds;
		}
		catch (StripeException ex) {
			throw StripePaymentGateway.unanswered("refund list", ex);
		}
	}

}
