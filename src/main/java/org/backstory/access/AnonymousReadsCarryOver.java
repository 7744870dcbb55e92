package org.backstory.access;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.backstory.members.SignupCarryOver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries the anonymous meter into a new member's account when they confirm their address
 * on the browser they read on (issue 16 §3): the paid articles their cookie says they
 * read this month stay open to them for the rest of it at no cost, and their allowance
 * this month is at least the anonymous reads they still had, so "sign up free to keep
 * reading" never leaves them with fewer reads. The cookie's signature is checked first
 * ({@link AnonymousMeterCookies#read}): a forged, altered or old cookie carries no
 * article, as if the reader had cleared their cookies.
 */
@Component
class AnonymousReadsCarryOver implements SignupCarryOver {

	private static final Logger log = LoggerFactory.getLogger(AnonymousReadsCarryOver.class);

	private final AnonymousMeterCookies cookies;

	private final MeteredReads reads;

	private final MeteringSettings settings;

	private final Clock clock;

	AnonymousReadsCarryOver(AnonymousMeterCookies cookies, MeteredReads reads, MeteringSettings settings, Clock clock) {
		this.cookies = cookies;
		this.reads = reads;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void carryOver(long memberId, Map<String, String> requestCookies) {
		Instant now = clock.instant();
		YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
		String value = requestCookies.get(AnonymousMeter.COOKIE);
		Set<Long> read = value == null ? Set.of() : cookies.read(value, month);
		int allowance = settings.anonymousReadsPerMonth();
		if (read.isEmpty() && allowance == 0) {
			return;
		}
		reads.carryOver(memberId, read, Math.max(0, allowance - read.size()));
		log.info("Anonymous reads carried into a new account memberId={} articles={} cookie={}", memberId, read.size(),
				value == null ? "none" : read.isEmpty() ? "not verified or empty" : "verified");
	}

}
