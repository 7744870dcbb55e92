package org.backstory.publishing;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who an article is for. The access module decides what that means for a given reader.
 *
 * @param level everyone, signed-in members, paying subscribers, or subscribers of certain
 * tiers
 * @param tiers the tier codes that may read it when {@code level} is {@link Level#TIERS},
 * otherwise empty
 */
public record Visibility(Level level, Set<String> tiers) {

	/** The four kinds of audience an article can have. */
	public enum Level {

		PUBLIC, MEMBERS, PAID, TIERS

	}

	public Visibility {
		tiers = Set.copyOf(tiers);
		if ((level == Level.TIERS) == tiers.isEmpty()) {
			throw new IllegalArgumentException("tiers must be given exactly when the level is TIERS");
		}
	}

	public static Visibility everyone() {
		return new Visibility(Level.PUBLIC, Set.of());
	}

	public static Visibility members() {
		return new Visibility(Level.MEMBERS, Set.of());
	}

	public static Visibility paid() {
		return new Visibility(Level.PAID, Set.of());
	}

	public static Visibility tiers(Set<String> tiers) {
		return new Visibility(Level.TIERS, tiers);
	}

	/** Whether some readers see only a preview: everything but public articles. */
	public boolean gated() {
		return level != Level.PUBLIC;
	}

	/** Whether reading needs a paid subscription (a lock mark in lists). */
	public boolean paidOnly() {
		return level == Level.PAID || level == Level.TIERS;
	}

	/**
	 * Who may read it in full, as the badge on a search result or a related article says
	 * it: Free, Members, Paid, or the tier codes capitalised ("Gold or Silver"), as tiers
	 * have no names of their own yet.
	 */
	public String badge() {
		return switch (level) {
			case PUBLIC -> "Free";
			case MEMBERS -> "Members";
			case PAID -> "Paid";
			case TIERS -> tiers.stream()
				.sorted()
				.map(tier -> tier.substring(0, 1).toUpperCase(Locale.ROOT) + tier.substring(1))
				.collect(Collectors.joining(" or "));
		};
	}

}
