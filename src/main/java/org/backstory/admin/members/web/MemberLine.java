package org.backstory.admin.members.web;

import java.util.List;
import java.util.Locale;

import org.backstory.memberlist.MemberRow;
import org.backstory.shared.Dates;

/**
 * A row of the member list page.
 *
 * @param status e.g. {@code Paid}
 * @param plan the plan's name, or empty
 * @param newsletters how many newsletters they get
 */
public record MemberLine(long id, String name, String email, String role, String status, String plan, int newsletters,
		List<String> labels, String joined) {

	static MemberLine of(MemberRow row) {
		var member = row.member();
		String plan = row.billing().planName() != null ? row.billing().planName()
				: row.billing().tier() == null ? "" : row.billing().tier();
		return new MemberLine(member.id(), member.name(), member.email(),
				member.role().staff() ? member.role().name().toLowerCase(Locale.ROOT) : "",
				row.billing().status().label(), plan, row.newsletterIds().size(), member.labels(),
				Dates.staffDate(member.joinedAt()));
	}

}
