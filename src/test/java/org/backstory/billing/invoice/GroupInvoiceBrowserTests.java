package org.backstory.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.HeadlessChromium;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanAdministration;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.group.GroupFixtures;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Selling a group licence by invoice in Debian's headless Chromium: an administrator
 * fills in the sale form, lands on invoice 1, and the manager prints it from their group
 * page. Screenshots land in {@code target/screenshots/group-licence-sale.png},
 * {@code group-invoice-staff.png} and {@code group-invoice.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GroupInvoiceBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	PlanAdministration administration;

	@Autowired
	MemberDirectory members;

	@Test
	void staffSellALicenceByInvoiceAndTheManagerPrintsTheInvoice() {
		Plan plan = GroupFixtures.groupPlan(catalog, administration, "paid");
		String managerEmail = MemberFixtures.reader(members, "invoice-manager");
		String staffEmail = MemberFixtures.account(members, "invoice-staff", MemberRole.ADMINISTRATOR);
		String invoicePath;

		try (HeadlessChromium staff = new HeadlessChromium(port, "group")) {
			staff.signIn(staffEmail, MemberFixtures.PASSWORD);
			staff.open("/admin/billing/group-licences");
			Map.of("institution", "Example University Library", "billingAddress", "1 College Road\nOxbridge OX1 2AB",
					"contactEmail", "accounts@example.edu", "managerEmail", managerEmail, "seats", "5", "poNumber",
					"PO-7781")
				.forEach(staff::type);
			new Select(staff.find("select[name=planCode]")).selectByValue(plan.code());
			staff.screenshot("licence-sale");
			staff.find("form.licence-sale button[type=submit]").click();
			staff.waitFor(ExpectedConditions.urlContains("/admin/billing/invoices/"));
			assertThat(staff.find(".invoice-total").getText()).isEqualTo("$13.00");
			assertThat(staff.find("p.notice").getText()).startsWith("Licence sold to Example University Library.");
			staff.screenshot("invoice-staff");
			String url = staff.driver().getCurrentUrl();
			invoicePath = "/account/group/invoices/" + url.substring(url.lastIndexOf('/') + 1);
		}

		try (HeadlessChromium manager = new HeadlessChromium(port, "group")) {
			manager.signIn(managerEmail, MemberFixtures.PASSWORD);
			manager.open("/account/group");
			manager.find(".invoice-row a").click();
			manager.waitFor(ExpectedConditions.urlContains(invoicePath));
			assertThat(manager.find(".invoice-institution").getText()).startsWith("Example University Library");
			assertThat(manager.find(".invoice-how-to-pay").getText()).contains("bank transfer");
			manager.screenshot("invoice");
		}
	}

}
