package org.backstory.billing.renewal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.backstory.billing.RenewalProperties;
import org.backstory.billing.card.CardReplaced;
import org.backstory.billing.payment.PaymentAttempt;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentGatewayException;
import org.backstory.shared.BackgroundThreads;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Charges every subscription whose period ended, retries declined ones when their retry
 * is due, and ends those that end. Several nodes may run it at once: each claims its own
 * batch (row locks, skipping rows another node holds), and every charge carries an
 * idempotency key per (subscription, period, attempt), so no period is ever charged
 * twice. A node that dies mid-way leaves pending payments that the next run asks the
 * gateway about again with the same key.
 */
@Component
public class RenewalRun implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RenewalRun.class);

	private final RenewalSteps steps;

	private final SeatChargeSteps seatSteps;

	private final RenewalRepository renewals;

	private final PaymentGateway gateway;

	private final Clock clock;

	private final ExecutorService charging;

	RenewalRun(RenewalSteps steps, SeatChargeSteps seatSteps, RenewalRepository renewals, PaymentGateway gateway,
			RenewalProperties properties, Clock clock) {
		this.steps = steps;
		this.seatSteps = seatSteps;
		this.renewals = renewals;
		this.gateway = gateway;
		this.clock = clock;
		int concurrency = properties.gatewayConcurrency() != null ? properties.gatewayConcurrency()
				: gateway.preferredConcurrency();
		this.charging = Executors.newFixedThreadPool(concurrency, BackgroundThreads.named("renewal-charge"));
	}

	/**
	 * What one run did.
	 *
	 * @param charged charges the gateway answered (succeeded or declined)
	 * @param unanswered charges left pending because the gateway gave no answer
	 */
	public record Report(int charged, int unanswered) {
	}

	/**
	 * Works through everything due now, batch by batch: renewals, then the charges for
	 * seats added to groups mid-period.
	 */
	public Report runDue() {
		Report renewed = drain(() -> steps.claim(gateway.name(), null), this::settle);
		Report seats = drain(() -> seatSteps.claim(gateway.name()), this::settleSeats);
		Report report = new Report(renewed.charged() + seats.charged(), renewed.unanswered() + seats.unanswered());
		if (report.charged() + report.unanswered() > 0) {
			log.info("Renewal run charged={} unanswered={}", report.charged(), report.unanswered());
		}
		return report;
	}

	/** Claims, charges and settles batch after batch until nothing more is due. */
	private Report drain(Supplier<RenewalSteps.Claimed> claim, Consumer<List<RenewalSteps.Answer>> settlement) {
		int charged = 0;
		int unanswered = 0;
		RenewalSteps.Claimed batch;
		do {
			batch = claim.get();
			int missing = chargeAll(batch.charges(), settlement);
			charged += batch.charges().size() - missing;
			unanswered += missing;
		}
		while (batch.maybeMore());
		return new Report(charged, unanswered);
	}

	/**
	 * Retries the member's past-due renewal right away with the card they just put on
	 * file.
	 */
	@EventListener
	void retryWithNewCard(CardReplaced replaced) {
		if (renewals.dueNow(replaced.memberId(), clock.instant())) {
			chargeAll(steps.claim(gateway.name(), replaced.memberId()).charges(), this::settle);
		}
	}

	/** Charges in parallel, then settles the answers; the number left unanswered. */
	private int chargeAll(List<PaymentAttempt> attempts, Consumer<List<RenewalSteps.Answer>> settlement) {
		List<Future<RenewalSteps.Answer>> inFlight = new ArrayList<>(attempts.size());
		for (PaymentAttempt attempt : attempts) {
			inFlight.add(charging.submit(() -> charge(attempt)));
		}
		List<RenewalSteps.Answer> answers = new ArrayList<>(attempts.size());
		for (Future<RenewalSteps.Answer> future : inFlight) {
			try {
				RenewalSteps.Answer answer = future.get();
				if (answer != null) {
					answers.add(answer);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("renewal run interrupted", ex);
			}
			catch (ExecutionException ex) {
				log.error("Renewal charge failed unexpectedly", ex.getCause());
			}
		}
		settlement.accept(answers);
		return attempts.size() - answers.size();
	}

	/**
	 * The gateway's answer, or null when it gave none: the payment stays pending for a
	 * later run.
	 */
	private RenewalSteps.@Nullable Answer charge(PaymentAttempt attempt) {
		try {
			return new RenewalSteps.Answer(attempt, gateway.charge(attempt.charge()));
		}
		catch (PaymentGatewayException ex) {
			log.warn("Renewal charge not confirmed paymentId={} reason={}", attempt.id(), ex.getMessage());
			return null;
		}
	}

	private void settle(List<RenewalSteps.Answer> answers) {
		try {
			steps.settleAll(answers);
		}
		catch (RuntimeException batchFailed) {
			log.warn("Settling a batch of renewal charges failed; settling them one by one", batchFailed);
			for (RenewalSteps.Answer answer : answers) {
				try {
					steps.settle(answer.attempt(), answer.result());
				}
				catch (RuntimeException ex) {
					// Left pending: the next run asks the gateway again with the same key
					// and settles it then.
					log.error("Settling a renewal charge failed paymentId={}", answer.attempt().id(), ex);
				}
			}
		}
	}

	/**
	 * Settles seat charges one by one: a failure leaves that payment pending, and the
	 * next run asks the gateway again with the same key.
	 */
	private void settleSeats(List<RenewalSteps.Answer> answers) {
		for (RenewalSteps.Answer answer : answers) {
			try {
				seatSteps.settle(answer.attempt(), answer.result());
			}
			catch (RuntimeException ex) {
				log.error("Settling a seat charge failed paymentId={}", answer.attempt().id(), ex);
			}
		}
	}

	@Override
	public void destroy() {
		charging.shutdownNow();
	}

}
