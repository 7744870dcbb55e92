package org.backstory.access;

import org.jspecify.annotations.Nullable;

/**
 * A reader at one moment: their state and, when they pay (or are comped), the tier they
 * pay for.
 *
 * @param state where the reader stands
 * @param tier the tier code of their subscription, or null
 */
public record Reader(ReaderState state, @Nullable String tier) {

	public static Reader anonymous() {
		return new Reader(ReaderState.ANONYMOUS, null);
	}

}
