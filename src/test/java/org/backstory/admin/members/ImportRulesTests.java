package org.backstory.admin.members;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportRulesTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	private static ImportCheck check(String csv) {
		return ImportRules.check(csv, emails -> Set.of("taken@x.test"), true, Set.of("weekly", "digest", "offers"),
				NOW);
	}

	@Test
	void readsGhostsColumnsInAnyCaseAndIgnoresOthers() {
		ImportCheck check = check("""
				ID,Email,Name,Note,Subscribed_To_Emails,Complimentary_Plan,Stripe_Customer_Id,Created_At,Labels,Tiers
				abc,ada@x.test,Ada,"likes maps, trains",false,true,cus_1,2024-03-01T09:30:00.000Z,"vip, press",gold
				""");

		assertThat(check.problems()).isEmpty();
		ImportRow row = check.rows().get(0);
		assertThat(row.line()).isEqualTo(2);
		assertThat(row.comp()).isTrue();
		assertThat(row.member().email()).isEqualTo("ada@x.test");
		assertThat(row.member().note()).isEqualTo("likes maps, trains");
		assertThat(row.subscribed()).isFalse();
		assertThat(row.member().labels()).containsExactly("vip", "press");
		assertThat(row.member().joinedAt()).isEqualTo(Instant.parse("2024-03-01T09:30:00Z"));
	}

	@Test
	void everyBadRowIsReportedWithItsLineAndReason() {
		ImportCheck check = check("""
				email,name,subscribed_to_emails,created_at
				ok@x.test,Ok,true,2024-01-01
				not-an-address,Bad,true,
				ok@x.test,Again,true,
				b@x.test,%s,true,
				c@x.test,C,maybe,
				d@x.test,D,true,yesterday
				e@x.test,E,true,2030-01-01
				""".formatted("n".repeat(101)));

		assertThat(check.problems()).extracting(ImportProblem::toString)
			.containsExactly("Line 3: \"not-an-address\" is not a valid email address",
					"Line 4: ok@x.test is already on line 2", "Line 5: the name is longer than 100 characters",
					"Line 6: subscribed_to_emails must be true or false, not \"maybe\"",
					"Line 7: created_at \"yesterday\" is not a date such as 2024-03-01T09:30:00Z",
					"Line 8: created_at is in the future");
		assertThat(check.importable()).isFalse();
	}

	@Test
	void aJoinDateBefore1900IsRefused() {
		ImportCheck check = check("""
				email,created_at
				zero@x.test,0000-06-01
				bc@x.test,-0001-01-01T00:00:00Z
				excel@x.test,1899-12-30
				first@x.test,1900-01-01
				""");

		assertThat(check.problems()).extracting(ImportProblem::toString)
			.containsExactly("Line 2: created_at \"0000-06-01\" is before 1900",
					"Line 3: created_at \"-0001-01-01T00:00:00Z\" is before 1900",
					"Line 4: created_at \"1899-12-30\" is before 1900");
		assertThat(check.rows()).extracting(row -> row.member().email()).containsExactly("first@x.test");
	}

	@Test
	void anAddressThatIsAlreadyAMemberIsSkippedWithANotice() {
		ImportCheck check = check("email\nTaken@x.test\nnew@x.test\n");

		assertThat(check.problems()).isEmpty();
		assertThat(check.skipped()).extracting(ImportProblem::toString)
			.containsExactly("Line 2: Taken@x.test is already a member; skipped");
		assertThat(check.rows()).extracting(row -> row.member().email()).containsExactly("new@x.test");
	}

	@Test
	void aFileWithoutAnEmailColumnIsRefusedAtLineOne() {
		assertThat(check("name\nAda\n").problems()).extracting(ImportProblem::line).containsExactly(1);
	}

	@Test
	void aMissingNameBecomesTheAddressBeforeTheAtAndEmptyBooleansTakeGhostsDefaults() {
		ImportRow row = check("email,name,subscribed_to_emails,complimentary_plan\nzoe@x.test,,,\n").rows().get(0);

		assertThat(row.member().name()).isEqualTo("zoe");
		assertThat(row.subscribed()).isTrue();
		assertThat(row.comp()).isFalse();
	}

	@Test
	void theExportsFormulaGuardIsUndone() {
		assertThat(check("email,note\nf@x.test,'=1+2\n").rows().get(0).member().note()).isEqualTo("=1+2");
	}

	@Test
	void compsNeedATierToGive() {
		ImportCheck check = ImportRules.check("email,complimentary_plan\nc@x.test,true\n", emails -> Set.of(), false,
				Set.of(), NOW);

		assertThat(check.problems()).extracting(ImportProblem::reason)
			.containsExactly("complimentary_plan is true, but no plan offers a tier to give");
	}

	@Test
	void theNewslettersColumnNamesEachMembersNewslettersAndAFileWithoutItGetsTheDefaults() {
		ImportCheck check = check("""
				email,subscribed_to_emails,newsletters
				a@x.test,true,"weekly,offers"
				b@x.test,false,
				c@x.test,,digest
				""");

		assertThat(check.problems()).isEmpty();
		assertThat(check.rows()).extracting(row -> row.newsletterSlugs(List.of("weekly")))
			.containsExactly(List.of("weekly", "offers"), List.of(), List.of("digest"));
		assertThat(check.rows()).extracting(ImportRow::subscribed).containsExactly(true, false, true);
		assertThat(check.optIns(List.of("weekly"))).isEqualTo(3);
		ImportRow ghost = check("email,subscribed_to_emails\nd@x.test,true\n").rows().get(0);
		assertThat(ghost.newsletters()).isNull();
		assertThat(ghost.newsletterSlugs(List.of("weekly", "digest"))).containsExactly("weekly", "digest");
	}

	@Test
	void anUnknownNewsletterOrAContradictionIsARowProblem() {
		ImportCheck check = check("""
				email,subscribed_to_emails,newsletters
				a@x.test,true,"weekly,gone"
				b@x.test,false,weekly
				c@x.test,true,
				""");

		assertThat(check.problems()).extracting(ImportProblem::toString)
			.containsExactly(
					"Line 2: newsletters names \"gone\", which is not a newsletter here (the newsletters are digest, offers, weekly)",
					"Line 3: subscribed_to_emails is false, but newsletters names weekly",
					"Line 4: subscribed_to_emails is true, but newsletters names none");
		assertThat(check.importable()).isFalse();
	}

}
