package org.backstory.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gift links (issue 16 §2). How many a subscriber may make a month is a plan setting in
 * billing; these two hold for every link.
 *
 * @param days how long a link opens its article, from when it was made or last gifted
 * again ({@code BACKSTORY_GIFT_LINK_DAYS}, default 14)
 * @param browsers on how many distinct browsers a link opens its article
 * ({@code BACKSTORY_GIFT_LINK_BROWSERS}, default 5)
 */
@ConfigurationProperties("backstory.gift-links")
record GiftLinkProperties(@DefaultValue("14") int days, @DefaultValue("5") int browsers) {

	GiftLinkProperties {
		if (days < 1 || days > 365) {
			throw new IllegalArgumentException("backstory.gift-links.days must be 1 to 365");
		}
		if (browsers < 1 || browsers > 1000) {
			throw new IllegalArgumentException("backstory.gift-links.browsers must be 1 to 1000");
		}
	}

}
