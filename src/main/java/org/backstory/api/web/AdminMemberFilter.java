package org.backstory.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.backstory.billing.BillingStatus;
import org.backstory.memberlist.MemberListQuery;
import org.backstory.memberlist.MemberRow;
import org.backstory.publishing.Slugs;
import org.jspecify.annotations.Nullable;

/**
 * The Admin API's member filter: Ghost's NQL over {@code status:} ({@code free},
 * {@code paid}, {@code comped}), {@code label:}/{@code labels:}/{@code labels.slug:}
 * (label slugs), {@code email:}, {@code name:}, {@code id:},
 * {@code newsletters:}/{@code newsletters.slug:} (newsletter slugs) and
 * {@code subscribed:true|false}, each with {@code :}, {@code -} and {@code [a,b]}
 * ({@code email} and {@code name} also with {@code ~}, {@code ~^}, {@code ~$}), joined
 * with {@code +}, {@code ,} and brackets. It becomes a condition on the composed member
 * row; conditions at the top level that the member list's own filters can say (an
 * address, one label, one newsletter, free or comped) also go into its query, so fewer
 * members are walked. Anything else is a 400.
 */
final class AdminMemberFilter {

	private static final int MAX_VALUES = 100;

	private AdminMemberFilter() {
	}

	/**
	 * What a browse lists.
	 *
	 * @param query the member list's own filters
	 * @param condition the whole filter, checked on every row the query admits
	 */
	record Selection(MemberListQuery query, Predicate<MemberRow> condition) {
	}

	/**
	 * The selection for a {@code filter} and a {@code search} (part of an address or
	 * name).
	 * @param labels every label in use
	 * @param newsletters the newsletters' ids by slug
	 */
	static Selection of(@Nullable String filter, @Nullable String search, List<String> labels,
			Map<String, Long> newsletters) {
		String text = search == null ? "" : search.strip();
		if (filter == null || filter.isBlank()) {
			return new Selection(new MemberListQuery(text, null, null, null, null, null, null), row -> true);
		}
		Nql parsed = NqlParser.parse(filter);
		Predicate<MemberRow> condition = condition(parsed, newsletters);
		Hints hints = new Hints();
		for (Nql part : parsed instanceof Nql.And and ? and.parts() : List.of(parsed)) {
			if (part instanceof Nql.Condition c && !c.negated() && c.values().size() == 1) {
				hints.take(c, labels, newsletters);
			}
		}
		return new Selection(new MemberListQuery(text.isEmpty() && hints.email != null ? hints.email : text,
				hints.status, null, hints.newsletter, hints.label, null, null), condition);
	}

	/** Conditions of the top level the list query can carry, the first of each kind. */
	private static final class Hints {

		@Nullable String email;

		@Nullable BillingStatus status;

		@Nullable Long newsletter;

		@Nullable String label;

		void take(Nql.Condition c, List<String> labels, Map<String, Long> newsletters) {
			String value = c.values().get(0).text();
			switch (c.property()) {
				case "email" -> {
					if (email == null && c.operator() == Nql.Operator.EQUALS) {
						email = value;
					}
				}
				case "status" -> {
					if (status == null && (value.equals("free") || value.equals("comped") || value.equals("gift"))) {
						status = BillingStatus.fromCode(value).orElseThrow();
					}
				}
				case "newsletters", "newsletters.slug" -> {
					if (newsletter == null) {
						newsletter = newsletters.get(value);
					}
				}
				case "label", "labels", "labels.slug" -> {
					List<String> named = labels.stream().filter(name -> slug(name).equals(value)).toList();
					if (label == null && named.size() == 1) {
						label = named.get(0);
					}
				}
				default -> {
				}
			}
		}

	}

	private static Predicate<MemberRow> condition(Nql nql, Map<String, Long> newsletters) {
		if (nql instanceof Nql.And and) {
			return and.parts().stream().map(part -> condition(part, newsletters)).reduce(row -> true, Predicate::and);
		}
		if (nql instanceof Nql.Or or) {
			return or.parts().stream().map(part -> condition(part, newsletters)).reduce(row -> false, Predicate::or);
		}
		Nql.Condition c = (Nql.Condition) nql;
		Predicate<MemberRow> atom = atom(c, newsletters);
		return c.negated() ? atom.negate() : atom;
	}

	private static Predicate<MemberRow> atom(Nql.Condition c, Map<String, Long> newsletters) {
		return switch (c.property()) {
			case "status" -> {
				Set<String> statuses = values(c);
				for (String status : statuses) {
					if (!Set.of("free", "paid", "comped", "gift").contains(status)) {
						throw refuse(c, "status is free, paid, comped or gift");
					}
				}
				yield row -> statuses.contains(AdminMemberJson.status(row.billing()));
			}
			case "label", "labels", "labels.slug" -> {
				Set<String> slugs = values(c);
				yield row -> row.member().labels().stream().anyMatch(name -> slugs.contains(slug(name)));
			}
			case "newsletters", "newsletters.slug" -> {
				Set<Long> ids = values(c).stream()
					.map(newsletters::get)
					.filter(id -> id != null)
					.collect(Collectors.toSet());
				yield row -> row.newsletterIds().stream().anyMatch(ids::contains);
			}
			case "subscribed" -> {
				Set<String> values = values(c);
				if (values.size() != 1 || !Set.of("true", "false").containsAll(values)) {
					throw refuse(c, "subscribed is true or false");
				}
				boolean subscribed = values.contains("true");
				yield row -> row.newsletterIds().isEmpty() != subscribed;
			}
			case "id" -> {
				Set<String> ids = values(c);
				yield row -> ids.contains(Long.toString(row.member().id()));
			}
			case "email" -> text(c, row -> row.member().email());
			case "name" -> text(c, row -> row.member().name());
			default -> throw refuse(c, "filtering members by " + c.property() + " is not supported");
		};
	}

	/**
	 * {@code email} and {@code name}: equal to one of the values, or containing, starting
	 * or ending with one.
	 */
	private static Predicate<MemberRow> text(Nql.Condition c, Function<MemberRow, String> field) {
		BiPredicate<String, String> match = switch (c.operator()) {
			case EQUALS, IN -> String::equals;
			case CONTAINS -> String::contains;
			case STARTS_WITH -> String::startsWith;
			case ENDS_WITH -> String::endsWith;
			default -> throw refuse(c, c.property() + " is compared with :, [a,b], ~, ~^ or ~$");
		};
		List<String> wanted = new ArrayList<>();
		for (Nql.Value value : checked(c)) {
			wanted.add(value.text().toLowerCase(Locale.ROOT));
		}
		return row -> {
			String actual = field.apply(row).toLowerCase(Locale.ROOT);
			return wanted.stream().anyMatch(value -> match.test(actual, value));
		};
	}

	/** The values of a condition that compares for equality (one value, or a list). */
	private static Set<String> values(Nql.Condition c) {
		if (c.operator() != Nql.Operator.EQUALS && c.operator() != Nql.Operator.IN) {
			throw refuse(c, c.property() + " is compared with : or [a,b] only");
		}
		return checked(c).stream().map(Nql.Value::text).collect(Collectors.toSet());
	}

	private static List<Nql.Value> checked(Nql.Condition c) {
		if (c.values().size() > MAX_VALUES) {
			throw refuse(c, "at most " + MAX_VALUES + " values in a list");
		}
		Optional<Nql.Value> unquotedNull = c.values()
			.stream()
			.filter(value -> !value.quoted() && value.text().equals("null"))
			.findFirst();
		if (unquotedNull.isPresent()) {
			throw refuse(c, "null is not supported");
		}
		return c.values();
	}

	/** A label's slug, as Ghost makes it from the name. */
	static String slug(String label) {
		return Slugs.fromName(label, 191);
	}

	private static NqlException refuse(Nql.Condition c, String reason) {
		return new NqlException("Query Error: " + reason + " (at char " + (c.position() + 1) + ")");
	}

}
