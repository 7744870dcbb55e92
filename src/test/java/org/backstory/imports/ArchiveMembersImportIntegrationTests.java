package org.backstory.imports;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.billing.SubscriptionService;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.MembersProbe;
import org.backstory.members.NewAccount;
import org.backstory.newsletters.OptIns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An archive zip holding a {@code members.csv} next to its JSON export (as Backstory's
 * export archive does) at {@code /admin/import}, over HTTP on the shared database: the
 * dry run lists what the member import makes of the file; one confirmation imports the
 * articles and the members; a bad member row refuses the whole archive; an address that
 * already has an account is skipped and left as it is; an archive without members.csv
 * imports as before. The restore of members with their ids and billing is
 * {@code exports.RoundTripIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArchiveMembersImportIntegrationTests extends ImportIntegrationTestSupport {

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	OptIns optIns;

	@Override
	Archives archives() {
		return new Archives().staff(MemberFixtures.account(directory, "move-staff", MemberRole.AUTHOR));
	}

	@Test
	void theDryRunListsTheMembersAndOneConfirmationImportsArticlesAndMembers() {
		long existing = directory
			.createAccount(new NewAccount(email("known"), "Already here", null, MemberRole.MEMBER, true));
		byte[] archive = archive(members(email("reader") + ",Rea Der,Met at the quay,true,false," + label(),
				email("comped") + ",Com Ped,,false,true,", email("known") + ",Someone Else,,true,false,"));

		Visitor.Page dryRun = desk.upload("export.zip", archive);

		assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
		assertThat(dryRun.document().select("li.import-notice").eachText())
			.anySatisfy(text -> assertThat(text).startsWith("members.csv: 2 members will be imported with new ids")
				.contains("1 get complimentary access"))
			.contains(
					"members.csv: 1 rows skipped: their address already belongs to a member here, who is left as they are (line 4).");
		assertThat(directory.findByEmail(email("reader"))).as("the dry run writes nothing").isEmpty();

		Visitor.Page done = desk.confirm(dryRun);

		assertThat(done.status()).as(done.body()).isEqualTo(303);
		assertThat(desk.visitor().get(ImportDesk.PAGE).document().selectFirst(".import-done").text())
			.contains("2 members (1 comped");
		assertThat(
				jdbc.sql("select count(*) from imports.imported_item where kind = 'article' and source_key like :run")
					.param("run", "%" + archives.run + "%")
					.query(Long.class)
					.single())
			.as("the articles came in the same upload")
			.isPositive();
		long reader = directory.findByEmail(email("reader")).orElseThrow().id();
		assertThat(directory.findByEmail(email("reader")).orElseThrow().name()).isEqualTo("Rea Der");
		assertThat(MembersProbe.noteOf(jdbc, reader)).isEqualTo("Met at the quay");
		assertThat(MembersProbe.labelsOf(jdbc, reader)).containsExactly(label());
		assertThat(optIns.of(reader)).as("subscribed: the newsletters on by default").isNotEmpty();
		long comped = directory.findByEmail(email("comped")).orElseThrow().id();
		assertThat(subscriptions.currentSubscription(comped)).isPresent();
		assertThat(optIns.of(comped)).isEmpty();
		assertThat(directory.findByEmail(email("known")).orElseThrow().name()).isEqualTo("Already here");
		assertThat(directory.findByEmail(email("known")).orElseThrow().id()).isEqualTo(existing);

		Visitor.Page again = desk.upload("export.zip", archive);
		assertThat(again.document().select("li.import-notice").eachText()).contains(
				"members.csv: 0 members will be imported with new ids, their names, notes, labels and join dates, and 0 newsletter opt-ins; 0 get complimentary access (complimentary_plan).");
		assertThat(desk.confirm(again).status()).isEqualTo(303);
		assertThat(MembersProbe.membersWithEmailLike(jdbc, "%-" + archives.run + "@%"))
			.as("uploaded again: nobody twice")
			.isEqualTo(3);
	}

	@Test
	void aBadMemberRowRefusesTheWholeArchiveAndNothingIsWritten() {
		Visitor.Page dryRun = desk.upload("export.zip",
				archive(members(email("good") + ",Good,,true,false,", "not-an-address,Bad,,true,false,")));

		assertThat(dryRun.status()).isEqualTo(422);
		assertThat(dryRun.document().select("form.import-confirm")).isEmpty();
		assertThat(dryRun.document().select("li.import-problem").eachText())
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith("members.csv line 3: ")
			.contains("not-an-address");
		assertThat(directory.findByEmail(email("good"))).isEmpty();
		assertThat(jdbc.sql("select count(*) from imports.imported_item where source_key like :run")
			.param("run", "%" + archives.run + "%")
			.query(Long.class)
			.single()).as("no article either").isZero();
	}

	@Test
	void anArchiveWithoutMembersCsvImportsAsBefore() {
		Visitor.Page dryRun = desk.upload("export.zip", Archives.zip("", Map.of("posts.json", posts())));

		assertThat(dryRun.status()).isEqualTo(200);
		assertThat(dryRun.document().select("li.import-notice").eachText())
			.noneSatisfy(text -> assertThat(text).startsWith("members.csv"));
		Visitor.Page done = desk.confirm(dryRun);
		assertThat(done.status()).isEqualTo(303);
		assertThat(desk.visitor().get(ImportDesk.PAGE).document().selectFirst(".import-done").text())
			.contains("0 members (0 comped");
	}

	/**
	 * The Ghost export as {@code posts.json} with the members file beside it, as the
	 * export archive has them.
	 */
	private byte[] archive(String members) {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("posts.json", posts());
		files.put("members.csv", members);
		return Archives.zip("", files);
	}

	private String posts() {
		return new String(archives.ghost(), StandardCharsets.UTF_8);
	}

	/** A members.csv in Ghost's columns. */
	private static String members(String... rows) {
		return "email,name,note,subscribed_to_emails,complimentary_plan,labels\n" + String.join("\n", rows) + "\n";
	}

	private String email(String who) {
		return who + "-" + archives.run + "@move.example";
	}

	private String label() {
		return "moved-" + archives.run;
	}

}
