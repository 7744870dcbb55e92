package org.backstory.newsletters;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.backstory.members.MemberDirectory;
import org.backstory.shared.CommittedCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acts on the mail provider's bounce and complaint reports. A hard bounce suppresses the
 * address and marks the newsletter message that bounced; a complaint suppresses the
 * address, opts its member out of every newsletter and is counted against the message
 * complained of; a soft bounce is only counted. The message is the one the report's
 * Message-ID names, else the latest delivered to the address in the last
 * {@link #ATTRIBUTION_WINDOW} (providers report bounces within hours and complaints
 * within days; an older message is too old to blame). Providers deliver reports at least
 * once, so a report that arrives again changes nothing more.
 */
@Service
public class DeliveryReports {

	/** How far back a report without a Message-ID may find its message. */
	static final Duration ATTRIBUTION_WINDOW = Duration.ofDays(30);

	private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

	private final Suppressions suppressions;

	private final OptIns optIns;

	private final MemberDirectory members;

	private final AddressMessageRepository repository;

	/**
	 * Reports by type ({@code backstory_mail_reports_total{type="bounce"}}), for
	 * newsletters and system mail alike: a report names an address, not a message.
	 */
	private final Map<DeliveryReport.Type, CommittedCounter> reported = new EnumMap<>(DeliveryReport.Type.class);

	private final Clock clock;

	DeliveryReports(Suppressions suppressions, OptIns optIns, MemberDirectory members,
			AddressMessageRepository repository, MeterRegistry meters, Clock clock) {
		this.suppressions = suppressions;
		this.optIns = optIns;
		this.members = members;
		this.repository = repository;
		this.clock = clock;
		for (DeliveryReport.Type type : DeliveryReport.Type.values()) {
			reported.put(type, new CommittedCounter(meters.counter("backstory.mail.reports", "type", type.code())));
		}
	}

	/** Applies every report, all or none. */
	@Transactional
	public void apply(List<DeliveryReport> reports) {
		reports.forEach(this::apply);
	}

	private void apply(DeliveryReport report) {
		switch (report.type()) {
			case BOUNCE -> {
				suppressions.suppress(report.address(), SuppressionReason.BOUNCE, report.detail());
				markLatestBounced(report);
			}
			case COMPLAINT -> {
				suppressions.suppress(report.address(), SuppressionReason.COMPLAINT, report.detail());
				reportedMessage(report).ifPresent(message -> repository.markComplained(message, clock.instant()));
				members.findByEmail(report.address()).ifPresent(member -> optIns.choose(member.id(), List.of()));
			}
			case SOFT_BOUNCE -> log.info("Soft bounce reported domain={}", domain(report.address()));
		}
		reported.get(report.type()).increment();
	}

	/**
	 * Marks the reported message as bounced. Only while it is still marked sent: a
	 * repeated report must not reach back to an older message.
	 */
	private void markLatestBounced(DeliveryReport report) {
		String error = report.detail().isEmpty() ? "bounce reported" : "bounce reported: " + report.detail();
		boolean marked = reportedMessage(report).map(message -> repository.markBounced(message, error)).orElse(false);
		log.info("Bounce reported domain={} messageMarked={}", domain(report.address()), marked);
	}

	private Optional<long[]> reportedMessage(DeliveryReport report) {
		return repository.reportedMessage(Suppressions.key(report.address()),
				MessageRef.of(report.messageId()).orElse(null), clock.instant().minus(ATTRIBUTION_WINDOW));
	}

	private static String domain(String address) {
		return address.substring(address.lastIndexOf('@') + 1);
	}

}
