package org.backstory.billing.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels at the gateway the held charges whose holds were closed without the member
 * confirming them (a new try, or the subscription's end, took their place;
 * {@link PaymentRepository#closeAwaitingAuthentication}), so that a confirmation page
 * left open can no longer pay a charge Backstory does not expect. Closing a hold never
 * waits for the gateway: it only marks the charge due, and this asks the gateway later
 * (on the renewal run's schedule), outside any transaction. A try that gets no answer is
 * logged and tried again after a growing wait (15 minutes, doubling), at most
 * {@value #MAX_ATTEMPTS} times; each try carries its own idempotency key, and canceling
 * an already canceled charge is an answer too, so a repeat never does harm.
 */
@Service
public class HeldPaymentReleases {

	static final int MAX_ATTEMPTS = 8;

	private static final Duration FIRST_WAIT = Duration.ofMinutes(15);

	private static final Duration LEASE = Duration.ofMinutes(10);

	private static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(HeldPaymentReleases.class);

	private final HoldReleaseRepository releases;

	private final PaymentGateway gateway;

	private final TransactionTemplate transaction;

	private final Clock clock;

	HeldPaymentReleases(HoldReleaseRepository releases, PaymentGateway gateway, TransactionTemplate transaction,
			Clock clock) {
		this.releases = releases;
		this.gateway = gateway;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Asks the gateway to cancel every held charge due for release.
	 * @return how many the gateway answered for
	 */
	public int releaseDue() {
		int answered = 0;
		List<HoldReleaseRepository.DueRelease> due;
		do {
			Instant now = clock.instant();
			due = transaction.execute(status -> releases.claimDue(gateway.name(), now, now.plus(LEASE), BATCH));
			for (HoldReleaseRepository.DueRelease release : due) {
				if (release(release)) {
					answered++;
				}
			}
		}
		while (due.size() == BATCH);
		return answered;
	}

	private boolean release(HoldReleaseRepository.DueRelease release) {
		PaymentGateway.HoldRelease answer;
		try {
			answer = gateway.releaseHold(release.chargeId(),
					"hold-release-" + release.paymentId() + "-" + release.attempt());
		}
		catch (PaymentGatewayException ex) {
			Instant nextTry = release.attempt() >= MAX_ATTEMPTS ? null
					: clock.instant().plus(FIRST_WAIT.multipliedBy(1L << (release.attempt() - 1)));
			transaction.executeWithoutResult(status -> releases.unanswered(release, nextTry));
			if (nextTry == null) {
				log.warn("Held charge left open at the gateway after {} tries paymentId={} charge={}", MAX_ATTEMPTS,
						release.paymentId(), release.chargeId(), ex);
			}
			else {
				log.info("Held charge not released yet paymentId={} attempt={} nextTry={} reason={}",
						release.paymentId(), release.attempt(), nextTry, ex.getMessage());
			}
			return false;
		}
		transaction.executeWithoutResult(
				status -> releases.settle(release, answer.name().toLowerCase(Locale.ROOT), clock.instant()));
		if (answer == PaymentGateway.HoldRelease.ALREADY_PAID) {
			// Confirmed from a page left open after the hold was closed: refund it by
			// hand.
			log.warn("Held charge was paid after its hold was closed; refund it paymentId={} charge={}",
					release.paymentId(), release.chargeId());
		}
		else {
			log.info("Held charge released paymentId={} outcome={}", release.paymentId(), answer);
		}
		return true;
	}

}
