package org.backstory.email;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something done in the background (the scheduler, newsletter workers). */
public final class Await {

	private Await() {
	}

	/** Waits up to 15 seconds. */
	public static void until(String what, BooleanSupplier condition) {
		until(what, Duration.ofSeconds(15), condition);
	}

	public static void until(String what, Duration within, BooleanSupplier condition) {
		long deadline = System.nanoTime() + within.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting until " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
