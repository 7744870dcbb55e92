package org.backstory.shared;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for work no reader waits on: newsletter sends, renewal charges, the scheduler's
 * jobs. They are daemons at the lowest Java priority, so that where the JVM hands
 * priorities to the operating system ({@code -XX:ThreadPriorityPolicy=1} on Linux, which
 * the README's production options include: a nice value of 4 for these threads, 0 for the
 * rest) a send or a renewal run gives way to page requests on busy cores instead of
 * sharing them equally; a send still gets every cycle the readers leave. Without that
 * option the JVM ignores priorities and nothing changes.
 */
public final class BackgroundThreads {

	private BackgroundThreads() {
	}

	/** A new, not yet started background thread running the task. */
	public static Thread of(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		return thread;
	}

	/** Background threads named {@code prefix-1}, {@code prefix-2}, ... */
	public static ThreadFactory named(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return task -> of(task, prefix + "-" + count.incrementAndGet());
	}

}
