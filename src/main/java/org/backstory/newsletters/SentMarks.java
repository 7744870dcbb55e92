package org.backstory.newsletters;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.backstory.shared.BackgroundThreads;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records accepted messages as sent in groups. A worker hands in its mark the moment the
 * server accepts a message; one writer thread records every mark handed in meanwhile, by
 * all of this node's connections, in one statement and one commit; and the worker waits
 * for its mark to be committed before its connection may have another message accepted.
 * So a connection still never has more than one accepted message unrecorded, which is
 * what bounds the repeats after a crash, while the database sees one round trip for
 * several messages. The worker composes its next message while its mark is written.
 */
@Component
class SentMarks {

	/** Most marks in one statement. */
	private static final int MOST_AT_ONCE = 500;

	private static final Duration POLL = Duration.ofMillis(200);

	private static final Logger log = LoggerFactory.getLogger(SentMarks.class);

	private final RecipientRepository recipients;

	private final Clock clock;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private volatile boolean running;

	private @Nullable Thread writer;

	SentMarks(RecipientRepository recipients, Clock clock) {
		this.recipients = recipients;
		this.clock = clock;
	}

	/** Queues the mark; {@link Pending#await()} says whether it was recorded. */
	Pending submit(SentMark mark) {
		Pending pending = new Pending(mark);
		queue.add(pending);
		return pending;
	}

	synchronized void start(String name) {
		running = true;
		Thread thread = BackgroundThreads.of(this::write, name);
		thread.start();
		writer = thread;
	}

	/** Stops once every mark handed in is written; call after the workers have ended. */
	synchronized void stop() throws InterruptedException {
		running = false;
		Thread thread = writer;
		if (thread != null) {
			thread.join();
			writer = null;
		}
	}

	private void write() {
		while (running || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
				if (first != null) {
					List<Pending> batch = new ArrayList<>();
					batch.add(first);
					queue.drainTo(batch, MOST_AT_ONCE - 1);
					record(batch);
				}
			}
			catch (InterruptedException ex) {
				// Marks still queued would be lost with the thread; workers wait on them.
				log.warn("Newsletter mark writer interrupted; writing what is queued");
			}
		}
	}

	private void record(List<Pending> batch) {
		try {
			Set<MessageRef> recorded = recipients.markSent(batch.stream().map(pending -> pending.mark).toList(),
					clock.instant());
			for (Pending pending : batch) {
				pending.done.complete(recorded.contains(pending.mark.ref()));
			}
		}
		catch (RuntimeException ex) {
			for (Pending pending : batch) {
				pending.done.completeExceptionally(ex);
			}
		}
	}

	/** A mark handed in and not yet known to be written. */
	static final class Pending {

		private final SentMark mark;

		private final CompletableFuture<Boolean> done = new CompletableFuture<>();

		private Pending(SentMark mark) {
			this.mark = mark;
		}

		SentMark mark() {
			return mark;
		}

		/**
		 * Waits until the mark is committed; false if the recipient's claim had been lost
		 * to another worker.
		 * @throws RuntimeException what the database threw
		 */
		boolean await() {
			try {
				return done.join();
			}
			catch (CompletionException ex) {
				throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
			}
		}

	}

}
