package org.backstory.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.billing.Plan;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;

/**
 * Licences sold by invoice over HTTP for tests: an administrator signed in, and the sale
 * form filled in as staff would.
 */
final class GroupInvoiceFixtures {

	private final int port;

	private final MemberDirectory members;

	GroupInvoiceFixtures(int port, MemberDirectory members) {
		this.port = port;
		this.members = members;
	}

	/** An administrator, the lowest role with billing rights, signed in. */
	Visitor administrator() {
		Visitor staff = new Visitor(port);
		staff.signIn(MemberFixtures.account(members, "billing-admin", MemberRole.ADMINISTRATOR),
				MemberFixtures.PASSWORD);
		return staff;
	}

	/** The sale form for 5 monthly seats of the plan, starting today, 30 days to pay. */
	static Map<String, String> sale(Plan plan, String managerEmail, String startDate) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("institution", "Example University Library");
		fields.put("billingAddress", "1 College Road\nOxbridge OX1 2AB");
		fields.put("contactEmail", "accounts@example.edu");
		fields.put("managerEmail", managerEmail);
		fields.put("managerName", "Libby Rarian");
		fields.put("planCode", plan.code());
		fields.put("seats", "5");
		fields.put("interval", "month");
		fields.put("startDate", startDate);
		fields.put("paymentTerms", "30");
		fields.put("poNumber", "PO-7781");
		return fields;
	}

	/** Sells the licence from the admin page; the new invoice's id. */
	static long sell(Visitor staff, Map<String, String> sale) {
		Visitor.Page sold = staff.submit("/admin/billing/group-licences", "/admin/billing/group-licences", sale);
		assertThat(sold.status()).as(sold.body()).isEqualTo(303);
		String location = sold.header("Location");
		assertThat(location).contains("/admin/billing/invoices/");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

}
