package org.backstory.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code mail} health component. An unreachable SMTP server is reported
 * ({@code reachable: false}, status UNKNOWN) but never makes the app DOWN: readers can
 * still read, and queued mail is retried. The server is probed at most once a minute so
 * health checks do not hammer it.
 */
@Component("mailHealthIndicator")
class MailHealthIndicator implements HealthIndicator {

	private static final Duration PROBE_INTERVAL = Duration.ofMinutes(1);

	private final MailTransport transport;

	private final Clock clock;

	private @Nullable Health lastProbe;

	private Instant lastProbeAt = Instant.MIN;

	MailHealthIndicator(MailTransport transport, Clock clock) {
		this.transport = transport;
		this.clock = clock;
	}

	@Override
	public synchronized Health health() {
		if (!(transport instanceof SmtpTransport smtp)) {
			return Health.up().withDetail("transport", transport.name()).build();
		}
		Instant now = clock.instant();
		if (lastProbe == null || !now.isBefore(lastProbeAt.plus(PROBE_INTERVAL)) || now.isBefore(lastProbeAt)) {
			lastProbe = probe(smtp);
			lastProbeAt = now;
		}
		return lastProbe;
	}

	private static Health probe(SmtpTransport smtp) {
		try {
			smtp.testConnection();
			return Health.up().withDetail("transport", "smtp").withDetail("reachable", true).build();
		}
		catch (Exception ex) {
			return Health.unknown()
				.withDetail("transport", "smtp")
				.withDetail("reachable", false)
				.withDetail("error", ex.getClass().getSimpleName())
				.build();
		}
	}

}
