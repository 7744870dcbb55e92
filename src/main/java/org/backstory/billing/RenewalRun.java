package org.backstory.billing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Charges every subscription whose period ended, retries declined ones when their retry is due, and
 * ends those that end. Several nodes may run it at once: each claims its own batch (row locks, skipping
 * rows another node holds), and every charge carries an idempotency key per (subscription, period,
 * attempt), so no period is ever charged twice. A node that dies mid-way leaves pending payments that
 * the next run asks the gateway about again with the same key.
 */
@Component
public class RenewalRun implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RenewalRun.class);

	private final RenewalSteps steps;

	private final RenewalRepository renewals;

	private final PaymentGateway gateway;

	private final Clock clock;

	private final ExecutorService charging;

	RenewalRun(RenewalSteps steps, RenewalRepository renewals, PaymentGateway gateway, RenewalProperties properties,
			Clock clock) {
		this.steps = steps;
		this.renewals = renewals;
		this.gateway = gateway;
		this.clock = clock;
		this.charging = Executors.newFixedThreadPool(properties.gatewayConcurrency(), runnable -> {
			Thread thread = new Thread(runnable, "renewal-charge");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * What one run did.
	 *
	 * @param charged charges the gateway answered (succeeded or declined)
	 * @param unanswered charges left pending because the gateway gave no answer
	 */
	public record Report(int charged, int unanswered) {
	}

	/** Works through everything due now, batch by batch. */
	public Report runDue() {
		int charged = 0;
		int unanswered = 0;
		RenewalSteps.Claimed batch;
		do {
			batch = steps.claim(gateway.name(), null);
			int missing = chargeAll(batch.charges());
			charged += batch.charges().size() - missing;
			unanswered += missing;
		}
		while (batch.maybeMore());
		if (charged + unanswered > 0) {
			log.info("Renewal run charged={} unanswered={}", charged, unanswered);
		}
		return new Report(charged, unanswered);
	}

	/**
	 * Retries the member's past-due renewal right away, e.g. because they just put a new card on file.
	 *
	 * @return whether there was a past-due renewal to retry
	 */
	public boolean retryNow(long memberId) {
		if (!renewals.dueNow(memberId, clock.instant())) {
			return false;
		}
		chargeAll(steps.claim(gateway.name(), memberId).charges());
		return true;
	}

	/** Charges in parallel and settles each answer; the number left unanswered. */
	private int chargeAll(List<PaymentAttempt> attempts) {
		AtomicInteger unanswered = new AtomicInteger();
		List<Future<?>> inFlight = new ArrayList<>(attempts.size());
		for (PaymentAttempt attempt : attempts) {
			inFlight.add(charging.submit(() -> chargeOne(attempt, unanswered)));
		}
		for (Future<?> future : inFlight) {
			try {
				future.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("renewal run interrupted", ex);
			}
			catch (ExecutionException ex) {
				log.error("Renewal charge failed unexpectedly", ex.getCause());
			}
		}
		return unanswered.get();
	}

	private void chargeOne(PaymentAttempt attempt, AtomicInteger unanswered) {
		PaymentGateway.ChargeResult result;
		try {
			result = gateway.charge(attempt.charge());
		}
		catch (PaymentGatewayException ex) {
			// Left pending: when the lease runs out the next run asks again with the same key.
			unanswered.incrementAndGet();
			log.warn("Renewal charge not confirmed paymentId={} reason={}", attempt.id(), ex.getMessage());
			return;
		}
		steps.settle(attempt, result);
	}

	@Override
	public void destroy() {
		charging.shutdownNow();
	}

}
