package org.backstory.admin.members;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.backstory.billing.BillingStatus;
import org.backstory.memberlist.MemberList;
import org.backstory.memberlist.MemberListQuery;
import org.backstory.memberlist.MemberRow;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.Newsletters;
import org.backstory.shared.CsvWriter;
import org.backstory.shared.Dates;
import org.backstory.shared.StaffActions;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The filtered member list as CSV in the columns of Ghost's member export, streamed a
 * chunk at a time so 100,000 members never sit in memory. Backstory keeps no Stripe
 * customer ids or deleted members, so {@code stripe_customer_id} and {@code deleted_at}
 * are empty. The owner's full export ({@code exports} module) adds a {@code newsletters}
 * column.
 */
@Service
@NamedInterface("member-export")
public class MemberExport {

	/** Ghost's member export columns, in its order. */
	public static final List<String> COLUMNS = List.of("id", "email", "name", "note", "subscribed_to_emails",
			"complimentary_plan", "stripe_customer_id", "created_at", "deleted_at", "labels", "tiers");

	/**
	 * Ghost's columns and {@code newsletters}: the slugs of the newsletters the member
	 * gets, comma-separated, in the newsletters' display order. Ghost has only
	 * {@code subscribed_to_emails} and ignores columns it does not know, so the file
	 * still imports into Ghost, and an import into Backstory keeps each opt-in.
	 */
	public static final List<String> COLUMNS_WITH_NEWSLETTERS = withNewsletters();

	private final MemberList list;

	private final Newsletters newsletters;

	private final StaffActions staffActions;

	private final TransactionTemplate transaction;

	MemberExport(MemberList list, Newsletters newsletters, StaffActions staffActions, TransactionTemplate transaction) {
		this.list = list;
		this.newsletters = newsletters;
		this.staffActions = staffActions;
		this.transaction = transaction;
	}

	/**
	 * Writes the header and every matching member; records the export and returns the
	 * number of members.
	 */
	public long write(long staffId, MemberListQuery query, Writer out) {
		CsvWriter csv = new CsvWriter(out);
		csv.row(COLUMNS);
		long[] count = { 0 };
		list.forEach(query, row -> {
			csv.row(line(row));
			count[0]++;
		});
		transaction.executeWithoutResult(status -> staffActions.record(staffId, "members.exported",
				count[0] + " members", "filter: " + query.describe()));
		return count[0];
	}

	/**
	 * Writes every member, newest first, in {@link #COLUMNS_WITH_NEWSLETTERS}, and
	 * returns how many. Records nothing: the caller records the download it is part of.
	 */
	public long writeWithNewsletters(Writer out) {
		List<Newsletter> ordered = newsletters.all();
		CsvWriter csv = new CsvWriter(out);
		csv.row(COLUMNS_WITH_NEWSLETTERS);
		long[] count = { 0 };
		list.forEach(MemberListQuery.all(), row -> {
			List<String> line = new ArrayList<>(line(row));
			line.add(ordered.stream()
				.filter(newsletter -> row.newsletterIds().contains(newsletter.id()))
				.map(Newsletter::slug)
				.collect(Collectors.joining(",")));
			csv.row(line);
			count[0]++;
		});
		return count[0];
	}

	private static List<String> withNewsletters() {
		List<String> columns = new ArrayList<>(COLUMNS);
		columns.add("newsletters");
		return List.copyOf(columns);
	}

	/** One member as a line of the export, in the order of {@link #COLUMNS}. */
	static List<String> line(MemberRow row) {
		boolean comped = row.billing().status() == BillingStatus.COMPED;
		String tier = row.billing().tier();
		return List.of(Long.toString(row.member().id()), row.member().email(), row.member().name(), row.member().note(),
				Boolean.toString(!row.newsletterIds().isEmpty()), Boolean.toString(comped), "",
				Dates.iso(row.member().joinedAt()), "", String.join(",", row.member().labels()),
				tier == null ? "" : tier);
	}

}
