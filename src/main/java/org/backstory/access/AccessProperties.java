package org.backstory.access;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paywall settings.
 *
 * @param meteredReads how many paid articles a free member may read per calendar month
 * (UTC); 0 turns metering off ({@code BACKSTORY_METERED_READS}), until staff set another
 * in the admin (see {@link MeteringSettings})
 * @param meterKey the key that signs anonymous readers' meter cookies
 * ({@code BACKSTORY_METER_KEY}, 32 bytes in Base64); empty: {@code meter.key} in the data
 * directory, made on the first start (see {@link AnonymousMeterCookies})
 */
@ConfigurationProperties("backstory.access")
record AccessProperties(@DefaultValue("0") int meteredReads, @Nullable String meterKey) {

	@ConstructorBinding
	AccessProperties {
		if (meteredReads < 0) {
			throw new IllegalArgumentException("backstory.access.metered-reads must be 0 or more");
		}
	}

	AccessProperties(int meteredReads) {
		this(meteredReads, null);
	}

}
