package org.backstory.access;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts the paywall boxes page views show, by the reader's state
 * ({@code backstory_paywall_impressions_total{state="anonymous"}}): in memory, one
 * counter per state made at start, so a page view costs an increment and never a database
 * write. A page a shared cache serves never reaches the app and is not counted.
 */
@Component
class PaywallImpressions {

	private final Map<ReaderState, Counter> byState = new EnumMap<>(ReaderState.class);

	PaywallImpressions(MeterRegistry meters) {
		for (ReaderState state : ReaderState.values()) {
			byState.put(state,
					Counter.builder("backstory.paywall.impressions")
						.tag("state", state.name().toLowerCase(Locale.ROOT))
						.description("Paywall boxes shown on article pages, by the reader's state")
						.register(meters));
		}
	}

	void shown(ReaderState state) {
		byState.get(state).increment();
	}

}
