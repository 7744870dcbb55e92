package org.backstory.billing.stripe;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app with Stripe as its payment gateway, talking to the shared
 * {@link StripeStandIn}. Every test class with this annotation shares one application
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "backstory.billing.stripe.secret-key=" + StripeStandIn.SECRET_KEY,
				"backstory.billing.stripe.webhook-secret=" + StripeStandIn.WEBHOOK_SECRET,
				"backstory.billing.stripe.publishable-key=" + StripeStandIn.PUBLISHABLE_KEY })
@ContextConfiguration(initializers = StripeStandIn.ApiBase.class)
@interface StripeGatewayTest {

}
