package org.backstory.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.backstory.shared.RecentValue;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Monthly recurring revenue per currency as a Prometheus gauge
 * ({@code backstory_billing_mrr{currency="EUR"}}, in the currency's major unit), summed
 * from the subscription event log exactly as the dashboard's MRR
 * ({@link BusinessHistory}). A scrape reads a figure at most {@link #MAX_AGE} old, so the
 * grouped query runs at most once a minute however often Prometheus scrapes. A gauge
 * exists for each currency an active plan or a running subscription uses at start, and
 * for any other from the first subscription that starts in it.
 */
@Component
class RecurringRevenueGauge {

	static final Duration MAX_AGE = Duration.ofMinutes(1);

	private final PlanCatalog plans;

	private final MeterRegistry meters;

	private final RecentValue<Map<String, Long>> mrr;

	RecurringRevenueGauge(BusinessHistory history, PlanCatalog plans, MeterRegistry meters, Clock clock) {
		this.plans = plans;
		this.meters = meters;
		this.mrr = new RecentValue<>(() -> {
			Instant now = clock.instant();
			return history.history(now, now).mrrAtStart();
		}, MAX_AGE, System::nanoTime);
	}

	@EventListener(ApplicationReadyEvent.class)
	void registerKnownCurrencies() {
		Set<String> currencies = new TreeSet<>(mrr.get().keySet());
		plans.activePlans().forEach(plan -> currencies.add(plan.currency()));
		currencies.forEach(this::register);
	}

	@EventListener
	void subscriptionChanged(SubscriptionChanged changed) {
		if (changed.currency() != null) {
			register(changed.currency());
		}
	}

	private void register(String currency) {
		Gauge.builder("backstory.billing.mrr", this, gauge -> gauge.value(currency))
			.tag("currency", currency)
			.description("Monthly recurring revenue in the currency's major unit, as the dashboard shows it")
			.register(meters);
	}

	/** The currency's MRR in its major unit (euros, not cents). */
	double value(String currency) {
		long minorUnits = mrr.get().getOrDefault(currency, 0L);
		int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		return BigDecimal.valueOf(minorUnits, digits).doubleValue();
	}

}
