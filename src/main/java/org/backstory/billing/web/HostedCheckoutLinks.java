package org.backstory.billing.web;

import java.util.UUID;

import org.backstory.shared.web.SafeRedirect;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the gateway's card page sends the member back to, with everything the checkout
 * form carried: the form itself when they cancel, {@code /checkout/{plan}/hosted} with
 * the attempt when they have entered a card.
 *
 * @param cancelPath the checkout form's path and query
 * @param returnPath the return page's path and query
 */
record HostedCheckoutLinks(String cancelPath, String returnPath) {

	static HostedCheckoutLinks of(CheckoutChoice choice, UUID attemptId) {
		String returnTo = SafeRedirect.localPathOr(choice.next(), "");
		String plan = choice.plan().code();
		UriComponentsBuilder back = UriComponentsBuilder.fromPath("/checkout/" + plan)
			.queryParam("interval", choice.interval().code());
		if (!returnTo.isEmpty()) {
			back.queryParam("next", returnTo);
		}
		if (choice.coupon().code() != null) {
			back.queryParam("coupon", choice.coupon().code());
		}
		if (choice.offer() != null) {
			back.queryParam("offer", choice.offer());
		}
		if (choice.articleId() != null) {
			back.queryParam("article", choice.articleId());
		}
		if (choice.seats() != null) {
			back.queryParam("seats", choice.seats());
		}
		String cancelPath = back.build().encode().toUriString();
		String returnPath = back.replacePath("/checkout/" + plan + "/hosted")
			.queryParam("attempt", attemptId)
			.build()
			.encode()
			.toUriString();
		return new HostedCheckoutLinks(cancelPath, returnPath);
	}

}
