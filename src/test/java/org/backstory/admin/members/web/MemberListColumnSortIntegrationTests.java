package org.backstory.admin.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.backstory.billing.BillingFixtures;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.MemberRoster;
import org.backstory.members.NewAccount;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sorting the member list over HTTP: 52 labelled members (names in mixed case, three of
 * them comped) sorted by name, address, status and joining, each way, by the column
 * headers' links, walked page by page (50, then 2) through the Next links: every member
 * once, in order, the id breaking ties within a status. Deletes the members afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberListColumnSortIntegrationTests {

	private static final int MEMBERS = 52;

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	MemberRoster roster;

	@Autowired
	PlanCatalog plans;

	@Autowired
	SubscriptionService subscriptions;

	private Staff editor;

	private String label;

	/** The members by email, in the order they joined. */
	private final Map<String, Seeded> members = new LinkedHashMap<>();

	private record Seeded(long id, String email, String name, boolean comped) {
	}

	@BeforeAll
	void seed() {
		editor = Staff.signedIn(port, directory, MemberRole.EDITOR);
		label = "s-" + UUID.randomUUID().toString().substring(0, 8);
		var plan = plans.createPlan(BillingFixtures.newPlan());
		for (int i = 0; i < MEMBERS; i++) {
			String name = (i % 2 == 0 ? "reader " : "Reader ") + String.format("%02d", (i * 7) % MEMBERS);
			String email = String.format("e%02d-%s@example.test", (i * 11) % MEMBERS, label);
			long id = directory.createAccount(new NewAccount(email, name, null, MemberRole.MEMBER, false));
			roster.addLabel(editor.id(), id, label);
			boolean comped = i % 20 == 5;
			if (comped) {
				subscriptions.grantComp(id, plan.tier(), null);
			}
			members.put(email, new Seeded(id, email, name, comped));
		}
		assertThat(members.values().stream().filter(Seeded::comped)).hasSize(3);
	}

	@AfterAll
	void deleteThem() {
		members.values().forEach(member -> roster.delete(editor.id(), member.id()));
	}

	@Test
	void byNameInAnyCaseEitherWay() {
		List<String> expected = sorted(Comparator.comparing(m -> m.name().toLowerCase(Locale.ROOT)));

		assertThat(walk("Name", "ascending")).containsExactlyElementsOf(expected);
		assertThat(walk("Name", "descending")).containsExactlyElementsOf(reversed(expected));
	}

	@Test
	void byAddressEitherWay() {
		List<String> expected = sorted(Comparator.comparing(Seeded::email));

		assertThat(walk("Email", "ascending")).containsExactlyElementsOf(expected);
		assertThat(walk("Email", "descending")).containsExactlyElementsOf(reversed(expected));
	}

	@Test
	void byStatusFromAToZAndBackWithTheIdBreakingTies() {
		List<String> expected = sorted(
				Comparator.comparing((Seeded m) -> m.comped() ? "Comped" : "Free").thenComparing(Seeded::id));

		List<String> ascending = walk("Status", "ascending");
		assertThat(ascending).containsExactlyElementsOf(expected);
		assertThat(ascending.subList(0, 3)).as("Comped before Free")
			.allSatisfy(email -> assertThat(members.get(email).comped()).isTrue());
		assertThat(walk("Status", "descending")).containsExactlyElementsOf(reversed(expected));
	}

	@Test
	void byJoiningOldestOrNewestFirst() {
		List<String> joined = List.copyOf(members.keySet());

		assertThat(walk("Joined", "ascending")).containsExactlyElementsOf(joined);
		assertThat(walk("Joined", "descending")).containsExactlyElementsOf(reversed(joined));
	}

	@Test
	void aPagePositionThatIsNotOneIsABadRequest() {
		String notADate = "/admin/members?label=" + label + "&sort=joined&dir=asc&after=bm90LWEtZGF0ZQ.5";
		String notAStatus = "/admin/members?label=" + label + "&sort=status&dir=asc&after=bm9uZQ.5";

		assertThat(editor.visitor().get(notADate).status()).isEqualTo(400);
		assertThat(editor.visitor().get(notAStatus).status()).isEqualTo(400);
		assertThat(editor.visitor().get("/admin/members?label=" + label + "&after=1764000000.0-42").status())
			.isEqualTo(400);
	}

	/**
	 * Sorts the labelled list by clicking the column's header (twice for the other way
	 * from its first), checks the header says so, and follows the Next links to the end.
	 * @return the addresses in the order shown
	 */
	private List<String> walk(String column, String ariaSort) {
		Document page = editor.visitor().get("/admin/members?label=" + label).document();
		for (int click = 0; click < 2 && !ariaSort.equals(header(page, column).attr("aria-sort")); click++) {
			page = editor.visitor().get(header(page, column).selectFirst("a.sort").attr("href")).document();
		}
		assertThat(header(page, column).attr("aria-sort")).isEqualTo(ariaSort);
		List<String> emails = new ArrayList<>(emails(page));
		assertThat(emails).as("a full first page").hasSize(50);
		Element next = page.selectFirst("a.member-next");
		assertThat(next).isNotNull();
		Document second = editor.visitor().get(next.attr("href")).document();
		assertThat(second.selectFirst("a.member-next")).isNull();
		assertThat(header(second, column).attr("aria-sort")).as("the next page keeps the order").isEqualTo(ariaSort);
		emails.addAll(emails(second));
		return emails;
	}

	private static Element header(Document page, String column) {
		return page.select("table.members th")
			.stream()
			.filter(th -> th.text().startsWith(column))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + column + " header"));
	}

	private static List<String> emails(Document page) {
		return page.select("tr.member-row .member-email").eachText();
	}

	private List<String> sorted(Comparator<Seeded> order) {
		return members.values().stream().sorted(order).map(Seeded::email).toList();
	}

	private static List<String> reversed(List<String> list) {
		List<String> reversed = new ArrayList<>(list);
		Collections.reverse(reversed);
		return reversed;
	}

}
