package org.backstory.email;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something the scheduler does in the background. */
final class Await {

	private Await() {
	}

	static void until(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
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
