package org.backstory.memberlist;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.backstory.billing.BillingStatus;
import org.jspecify.annotations.Nullable;

/**
 * The member list's filters as staff choose them in the form (and as the export takes
 * them).
 *
 * @param search part of an address or name, or empty
 * @param status a billing status, or null for any
 * @param plan a plan code, or null for any
 * @param newsletter a newsletter id, or null for any
 * @param label a label, or null for any
 * @param joinedFrom the first sign-up day (UTC) to include, or null
 * @param joinedTo the last sign-up day (UTC) to include, or null
 */
public record MemberListQuery(String search, @Nullable BillingStatus status, @Nullable String plan,
		@Nullable Long newsletter, @Nullable String label, @Nullable LocalDate joinedFrom,
		@Nullable LocalDate joinedTo) {

	public MemberListQuery {
		search = search.strip();
		plan = blankToNull(plan);
		label = blankToNull(label);
	}

	/** No filter: every member. */
	public static MemberListQuery all() {
		return new MemberListQuery("", null, null, null, null, null, null);
	}

	/** The same filters with this billing status. */
	MemberListQuery withStatus(BillingStatus status) {
		return new MemberListQuery(search, status, plan, newsletter, label, joinedFrom, joinedTo);
	}

	/** The filters as URL query parameters (without {@code ?}), empty ones left out. */
	public String queryString() {
		List<String> params = new ArrayList<>();
		add(params, "q", search.isEmpty() ? null : search);
		add(params, "status", status == null ? null : status.code());
		add(params, "plan", plan);
		add(params, "newsletter", newsletter == null ? null : newsletter.toString());
		add(params, "label", label);
		add(params, "from", joinedFrom == null ? null : joinedFrom.toString());
		add(params, "to", joinedTo == null ? null : joinedTo.toString());
		return String.join("&", params);
	}

	/**
	 * The filters as the audit log records them, e.g. {@code status=paid label=vip};
	 * {@code all} for none.
	 */
	public String describe() {
		String query = queryString();
		return query.isEmpty() ? "all" : URLDecoder.decode(query.replace('&', ' '), StandardCharsets.UTF_8);
	}

	private static void add(List<String> params, String name, @Nullable String value) {
		if (value != null) {
			params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
