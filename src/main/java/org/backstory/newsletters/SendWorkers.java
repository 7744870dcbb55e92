package org.backstory.newsletters;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.backstory.shared.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's newsletter senders: {@code connections} threads, each with its own SMTP
 * connection, taking recipients from whichever send is under way. They are threads of
 * their own, not scheduler threads, so a big send never holds up transactional mail or
 * any other scheduled work. On shutdown each worker finishes the message in hand, records
 * it, and gives its other claimed recipients back, so a graceful stop mails nobody twice;
 * the writer of sent marks stops last, once every mark is written.
 */
@Component
class SendWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SendWorkers.class);

	private final NewsletterProperties properties;

	private final RecipientDelivery delivery;

	private final SentMarks marks;

	private final Object work = new Object();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	SendWorkers(NewsletterProperties properties, RecipientDelivery delivery, SentMarks marks) {
		this.properties = properties;
		this.delivery = delivery;
		this.marks = marks;
	}

	@Override
	public synchronized void start() {
		running = true;
		String node = UUID.randomUUID().toString().substring(0, 8);
		marks.start("newsletter-" + node + "-marks");
		for (int i = 0; i < properties.connections(); i++) {
			String name = "newsletter-" + node + "-" + i;
			Thread thread = BackgroundThreads.of(() -> delivery.run(name, this), name);
			threads.add(thread);
			thread.start();
		}
		log.info("Newsletter workers started node={} connections={}", node, properties.connections());
	}

	@Override
	public synchronized void stop() {
		running = false;
		wake();
		for (Thread thread : threads) {
			try {
				thread.join(60_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		threads.clear();
		try {
			marks.stop();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		log.info("Newsletter workers stopped");
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Tells idle workers a send has started. */
	void wake() {
		synchronized (work) {
			work.notifyAll();
		}
	}

	/** Waits until woken or until the idle poll comes round. */
	void awaitWork() {
		synchronized (work) {
			if (!running) {
				return;
			}
			try {
				work.wait(properties.idlePoll().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
