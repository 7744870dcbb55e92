package org.backstory.access;

/**
 * A reader's metered reads this month: a free member's, or an anonymous reader's (counted
 * in their cookie).
 *
 * @param allowance free paid articles per calendar month; 0 when metering is off
 * @param remaining how many are left after this read
 * @param granted whether this read was let through by the meter
 * @param carried whether it was let through because the member read it before signing up
 * (a carried read, which costs nothing)
 */
record MeterStatus(int allowance, int remaining, boolean granted, boolean carried) {

	static final MeterStatus OFF = new MeterStatus(0, 0, false);

	MeterStatus(int allowance, int remaining, boolean granted) {
		this(allowance, remaining, granted, false);
	}

	/** A read the member made before signing up, open again at no cost. */
	static MeterStatus carried(int allowance, int remaining) {
		return new MeterStatus(allowance, remaining, true, true);
	}

	boolean enabled() {
		return allowance > 0;
	}

	String notice() {
		if (carried) {
			return "You read this article before you signed up, so it stays open to you this month at no cost."
					+ (allowance == 0 ? "" : " You have " + remaining + " of your " + allowance
							+ (allowance == 1 ? " free article" : " free articles") + " left.");
		}
		return (allowance == 1 ? "This is your free article this month."
				: "This is one of your " + allowance + " free articles this month.") + " You have " + remaining
				+ " left.";
	}

	/**
	 * For a reader who is not signed in: "2 of 3 free articles left this month.", "1 of 1
	 * free article left this month.".
	 */
	String anonymousNotice() {
		return remaining + " of " + allowance + (allowance == 1 ? " free article" : " free articles")
				+ " left this month.";
	}

	/** "your 3 free articles", "your free article". */
	String readAll() {
		return "You've read " + (allowance == 1 ? "your free article" : "your " + allowance + " free articles")
				+ " this month.";
	}

}
