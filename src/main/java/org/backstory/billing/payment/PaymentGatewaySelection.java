package org.backstory.billing.payment;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Which payment gateway the configuration selects: Stripe when a Stripe secret key is set
 * ({@value #STRIPE_SECRET_KEY}, from {@code BACKSTORY_STRIPE_SECRET_KEY}), otherwise the
 * built-in sandbox. A blank key counts as none, since {@code application.properties} maps
 * an unset variable to an empty one.
 */
public final class PaymentGatewaySelection {

	/** The property whose text selects Stripe. */
	public static final String STRIPE_SECRET_KEY = "backstory.billing.stripe.secret-key";

	private PaymentGatewaySelection() {
	}

	static boolean stripe(ConditionContext context) {
		return StringUtils.hasText(context.getEnvironment().getProperty(STRIPE_SECRET_KEY));
	}

	/** Matches when Stripe is the gateway. */
	public static final class Stripe implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return stripe(context);
		}

	}

	/** Matches when the sandbox is the gateway. */
	public static final class Sandbox implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !stripe(context);
		}

	}

}
