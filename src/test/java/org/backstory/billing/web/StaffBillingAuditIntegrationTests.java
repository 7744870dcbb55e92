package org.backstory.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.backstory.admin.AdminProbe;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.Receipts;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.web.Readers.Reader;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff's billing actions land in the audit log, under the staff member who acted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffBillingAuditIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	Receipts receipts;

	@Autowired
	JdbcClient jdbc;

	private Plan plan;

	private Reader administrator;

	private Reader reader;

	@BeforeEach
	void setUp() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
		administrator = Readers.signedIn(port, directory, MemberRole.ADMINISTRATOR);
		reader = Readers.signedIn(port, directory, MemberRole.MEMBER);
	}

	@Test
	void aCompIsAudited() {
		administrator.visitor()
			.submit(memberPage(), memberPage() + "/comp", Map.of("tier", plan.tier(), "until", "2099-12-31"));

		assertThat(audit("member.comped")).isEqualTo("member " + reader.id() + " | tier " + plan.tier()
				+ ", ends 2100-01-01T00:00:00Z (subscription " + subscriptionId() + ")");
	}

	@Test
	void aRefusedCompIsNotAudited() {
		administrator.visitor()
			.submit(memberPage(), memberPage() + "/comp", Map.of("tier", "no-such-tier", "until", ""));

		assertThat(count("member.comped")).isZero();
	}

	@Test
	void cancellingNowWithARefundAuditsBoth() {
		Readers.subscribe(checkouts, reader.member(), plan, SandboxCards.SUCCEEDS);

		administrator.visitor().submit(memberPage(), memberPage() + "/cancel", Map.of("refundUnused", "true"));

		assertThat(audit("member.canceled")).startsWith("member " + reader.id() + " | subscription ")
			.endsWith(" ended at once, was active");
		assertThat(audit("payment.refunded")).startsWith("payment " + paymentId() + " | $");
	}

	@Test
	void aRefundIsAudited() {
		Readers.subscribe(checkouts, reader.member(), plan, SandboxCards.SUCCEEDS);
		long payment = paymentId();

		administrator.visitor()
			.submit(memberPage(), memberPage() + "/payments/" + payment + "/refund",
					Map.of("amount", "1.50", "reason", "Late delivery", "attempt", UUID.randomUUID().toString()));

		assertThat(audit("payment.refunded")).startsWith("payment " + payment + " | $1.50 (refund ");
	}

	@Test
	void theOwnersCouponChangesAreAudited() {
		Reader owner = Readers.signedIn(port, directory, MemberRole.OWNER);
		String code = "AUDIT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

		owner.visitor()
			.submit("/admin/billing/coupons", "/admin/billing/coupons",
					Map.of("code", code, "name", "Audited", "kind", "percent", "percentOff", "15", "duration", "once"));
		long coupon = jdbc.sql("select id from billing.coupon where code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
		owner.visitor().submit("/admin/billing/coupons", "/admin/billing/coupons/" + coupon + "/deactivate", Map.of());

		assertThat(audit(owner.id(), "coupon.created"))
			.isEqualTo("coupon " + coupon + " " + code + " | Audited: 15% off, once");
		assertThat(audit(owner.id(), "coupon.deactivated")).isEqualTo("coupon " + coupon + " | ");
	}

	private String memberPage() {
		return "/admin/billing/members/" + reader.id();
	}

	private long paymentId() {
		return receipts.history(reader.id()).get(0).payment().id();
	}

	private long subscriptionId() {
		return jdbc.sql("select id from billing.subscription where member_id = :m")
			.param("m", reader.id())
			.query(Long.class)
			.single();
	}

	private String audit(String action) {
		return audit(administrator.id(), action);
	}

	/** The actor's latest entry for {@code action}, as subject and detail. */
	private String audit(long actorId, String action) {
		return AdminProbe.lastBy(jdbc, actorId, action).summary();
	}

	private long count(String action) {
		return AdminProbe.countBy(jdbc, administrator.id(), action);
	}

}
