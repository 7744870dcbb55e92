package org.backstory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on a thread each, released at the same moment, for tests of what parallel
 * requests can do (prepare each request first, so that only the sending races).
 */
public final class AllAtOnce {

	private AllAtOnce() {
	}

	/**
	 * The tasks' results, in the tasks' order; fails when any task fails or takes over
	 * two minutes.
	 */
	public static <T> List<T> run(List<Callable<T>> tasks) throws Exception {
		CyclicBarrier start = new CyclicBarrier(tasks.size());
		ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return task.call();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(2, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
