package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.admin.AdminProbe;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.account.Totp;
import org.backstory.members.account.TwoFactor;
import org.backstory.members.web.StaffFixtures.SignedIn;
import org.backstory.members.web.TwoFactorFixtures.Phone;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The owner's requirement of two-factor sign-in for all staff: only an owner who has it
 * may require it, it is audited, and a staff member of any role without it is sent to set
 * it up after signing in and reaches no other admin page until it is on; readers are
 * never asked. The owner can also reset a staff member's two-factor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class TwoFactorRequirementIntegrationTests extends TwoFactorIntegrationTestSupport {

	private static final String REQUIRE = "/admin/staff/two-factor";

	@Autowired
	TwoFactor twoFactor;

	/**
	 * Runs before the team is put back: lifting the requirement is done as the team's
	 * first owner.
	 */
	@AfterEach
	void liftTheRequirement() {
		if (twoFactor.requiredOfStaff()) {
			twoFactor.requireOfStaff(team.first(), false);
		}
	}

	@Test
	void anOwnerWithoutTwoFactorCannotRequireIt() {
		SignedIn owner = StaffFixtures.signedIn(port, directory, MemberRole.OWNER);

		Visitor.Page refused = owner.visitor().submit("/admin/staff", REQUIRE, Map.of("required", "true"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Turn on two-factor sign-in for your own account first.");
		assertThat(twoFactor.requiredOfStaff()).isFalse();
	}

	@Test
	void aRequiredStaffMemberWithoutTwoFactorIsSentToSetItUpAndKeptOutOfTheAdmin() {
		SignedIn owner = owner();
		Visitor.Page required = owner.visitor().submit("/admin/staff", REQUIRE, Map.of("required", "true"));
		assertThat(required.header("Location")).endsWith("/admin/staff");
		assertThat(auditCount("staff.two-factor-required", owner.id())).isEqualTo(1);
		String email = MemberFixtures.account(directory, "required-contributor", MemberRole.CONTRIBUTOR);
		long contributorId = directory.findByEmail(email).orElseThrow().id();
		Visitor contributor = new Visitor(port);

		assertThat(contributor.signIn(email, MemberFixtures.PASSWORD).header("Location"))
			.endsWith(TwoFactorController.PATH);
		for (String page : List.of("/admin", "/admin/articles", "/admin/articles/new")) {
			assertThat(contributor.get(page).header("Location")).as(page).endsWith(TwoFactorController.PATH);
		}
		String csrf = contributor.get(TwoFactorController.PATH).document().selectFirst("input[name=_csrf]").val();
		assertThat(contributor.post("/admin/articles", Map.of("_csrf", csrf, "title", "Sneaked in")).header("Location"))
			.endsWith(TwoFactorController.PATH);
		assertThat(contributor.get("/account").status()).as("their own account stays open").isEqualTo(200);

		team.enroll(contributor, contributorId);

		assertThat(contributor.get("/admin").status()).isEqualTo(200);
		assertThat(contributor.get("/admin/articles").status()).isEqualTo(200);
	}

	@Test
	void turningItOffIsRefusedWhileRequired() {
		SignedIn owner = owner();
		owner.visitor().submit("/admin/staff", REQUIRE, Map.of("required", "true"));
		SignedIn editor = team.signedIn(MemberRole.EDITOR);
		Phone phone = team.enroll(editor);

		clock.advance(Totp.STEP);
		Visitor.Page refused = editor.visitor()
			.submit(TwoFactorController.PATH, TwoFactorController.PATH + "/recovery-codes",
					Map.of("confirmation", phone.code(clock)));
		assertThat(refused.status()).as("new codes stay possible").isEqualTo(200);
		Visitor.Page off = editor.visitor()
			.post(TwoFactorController.PATH + "/off",
					Map.of("_csrf", csrf(editor.visitor()), "confirmation", MemberFixtures.PASSWORD));

		assertThat(off.status()).isEqualTo(403);
		assertThat(twoFactor.on(editor.id())).isTrue();
	}

	@Test
	void aReaderIsNeverAskedEvenWhenItIsRequired() {
		SignedIn owner = owner();
		owner.visitor().submit("/admin/staff", REQUIRE, Map.of("required", "true"));
		String email = MemberFixtures.reader(directory, "required-reader");
		Visitor reader = new Visitor(port);

		assertThat(reader.signIn(email, MemberFixtures.PASSWORD).header("Location")).endsWith("/");
		assertThat(reader.get("/account").status()).isEqualTo(200);
		assertThat(reader.get("/account/profile").status()).isEqualTo(200);
	}

	@Test
	void theOwnerStopsRequiringIt() {
		SignedIn owner = owner();
		owner.visitor().submit("/admin/staff", REQUIRE, Map.of("required", "true"));

		owner.visitor().submit("/admin/staff", REQUIRE, Map.of());

		assertThat(twoFactor.requiredOfStaff()).isFalse();
		assertThat(auditCount("staff.two-factor-optional", owner.id())).isEqualTo(1);
		SignedIn editor = StaffFixtures.signedIn(port, directory, MemberRole.EDITOR);
		assertThat(editor.visitor().get("/admin").status()).isEqualTo(200);
	}

	@Test
	void theOwnerResetsAStaffMembersTwoFactorAndThePageShowsWhoHasIt() {
		SignedIn owner = owner();
		SignedIn editor = team.signedIn(MemberRole.EDITOR);
		team.enroll(editor);
		assertThat(owner.visitor()
			.get("/admin/staff")
			.document()
			.select("form[action=/admin/staff/" + editor.id() + "/two-factor/reset]")).hasSize(1);

		owner.visitor().submit("/admin/staff", "/admin/staff/" + editor.id() + "/two-factor/reset", Map.of());

		assertThat(twoFactor.on(editor.id())).isFalse();
		assertThat(auditCount("staff.two-factor-reset", owner.id())).isEqualTo(1);
		assertThat(new Visitor(port).signIn(editor.email(), MemberFixtures.PASSWORD).header("Location"))
			.doesNotContain(SecondFactorController.PATH);
		assertThat(StaffFixtures.post(owner.visitor(), "/admin/staff/" + owner.id() + "/two-factor/reset", Map.of())
			.status()).as("the owner's own").isEqualTo(403);
	}

	/** An owner with two-factor on, signed in. */
	private SignedIn owner() {
		SignedIn owner = team.signedIn(MemberRole.OWNER);
		team.enroll(owner);
		return owner;
	}

	private static String csrf(Visitor visitor) {
		return visitor.get(TwoFactorController.PATH).document().selectFirst("input[name=_csrf]").val();
	}

	private long auditCount(String action, long actorId) {
		return AdminProbe.countBy(jdbc, actorId, action);
	}

}
