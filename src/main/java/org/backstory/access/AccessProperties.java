package org.backstory.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paywall settings.
 *
 * @param meteredReads how many paid articles a free member may read per calendar month
 * (UTC); 0 turns metering off ({@code BACKSTORY_METERED_READS}), until staff set another
 * in the admin (see {@link MeteringSettings})
 */
@ConfigurationProperties("backstory.access")
record AccessProperties(@DefaultValue("0") int meteredReads) {

	AccessProperties {
		if (meteredReads < 0) {
			throw new IllegalArgumentException("backstory.access.metered-reads must be 0 or more");
		}
	}

}
