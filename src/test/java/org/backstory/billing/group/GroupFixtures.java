package org.backstory.billing.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.GroupTerms;
import org.backstory.billing.NewPlan;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanAdministration;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Group licences made over HTTP for tests: a group plan, a manager who bought seats, and
 * readers invited to them.
 */
public final class GroupFixtures {

	private final int port;

	private final MemberDirectory members;

	private final JdbcClient jdbc;

	public GroupFixtures(int port, MemberDirectory members, JdbcClient jdbc) {
		this.port = port;
		this.members = members;
		this.jdbc = jdbc;
	}

	/**
	 * A $5 a month plan of {@code tier} with 3 seats included and $4 a month for each
	 * further seat.
	 */
	public static Plan groupPlan(PlanCatalog catalog, PlanAdministration administration, String tier) {
		Plan plan = catalog
			.createPlan(new NewPlan("g-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36),
					"Test group", tier, "For tests", "USD", 500, 5000, 1000));
		administration.changeGroupTerms(plan.code(), new GroupTerms(3, 400, 4000), BillingFixtures.newMemberId());
		return plan;
	}

	/** A member signed in, and their id. */
	public Signed signedIn(String who) {
		Visitor visitor = new Visitor(port);
		String email = MemberFixtures.reader(members, who);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return new Signed(visitor, members.findByEmail(email).orElseThrow().id(), email);
	}

	/** A member who bought {@code seats} seats of the plan at checkout. */
	public Signed manager(Plan plan, int seats) {
		Signed manager = signedIn("manager");
		assertThat(pay(manager.visitor(), plan, seats).status()).isEqualTo(303);
		return manager;
	}

	public Visitor.Page pay(Visitor manager, Plan plan, int seats) {
		return manager.submit("/checkout/" + plan.code() + "?seats=" + seats, "/checkout/" + plan.code(),
				Map.of("nameOnCard", "Ada Manager", "cardNumber", SandboxCards.SUCCEEDS, "expiry",
						BillingFixtures.expiryField(), "cvc", "123"));
	}

	/** Invites the address from the manager's page; the invitation link. */
	public String invite(Visitor manager, String email) {
		assertThat(manager.submit("/account/group", "/account/group/invites", Map.of("email", email)).status())
			.isEqualTo(303);
		return SentMail.lastTo(jdbc, email).path("/group/join/");
	}

	/** Invites the reader and has them take the seat; their id. */
	public long join(Visitor manager, String readerEmail) {
		String link = invite(manager, readerEmail);
		Visitor reader = new Visitor(port);
		reader.signIn(readerEmail, MemberFixtures.PASSWORD);
		assertThat(reader.submit(link, link, Map.of()).status()).isEqualTo(303);
		return members.findByEmail(readerEmail).orElseThrow().id();
	}

	/** Takes the reader's seat back from the manager's page. */
	public void remove(Visitor manager, long readerId) {
		assertThat(
				manager.submit("/account/group", "/account/group/readers/" + readerId + "/remove", Map.of()).status())
			.isEqualTo(303);
	}

	/** A signed-in visitor, with the member's id and address. */
	public record Signed(Visitor visitor, long id, String email) {
	}

}
