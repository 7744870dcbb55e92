package org.backstory.members;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may scrape {@code /actuator/prometheus} besides the signed-in owner.
 *
 * @param token the bearer token a Prometheus server sends
 * ({@code BACKSTORY_METRICS_TOKEN}, at least 32 characters); empty: only the owner's
 * session reads the metrics
 */
@ConfigurationProperties("backstory.metrics")
record MetricsProperties(@Nullable String token) {

}
