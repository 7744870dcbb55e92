package org.backstory.billing.payment;

/**
 * The gateway gave no answer we can rely on (network failure, outage, a request it
 * refused). Whether money moved is unknown: ask again with the same idempotency key to
 * find out.
 */
public class PaymentGatewayException extends RuntimeException {

	public PaymentGatewayException(String message) {
		super(message);
	}

	public PaymentGatewayException(String message, Throwable cause) {
		super(message, cause);
	}

}
