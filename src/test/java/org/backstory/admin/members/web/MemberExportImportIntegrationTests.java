package org.backstory.admin.members.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.backstory.Visitor;
import org.backstory.admin.members.MemberExport;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.MemberRoster;
import org.backstory.members.MembersProbe;
import org.backstory.members.NewAccount;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.shared.CsvReader;
import org.backstory.shared.StaffActed;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV export and import over HTTP: the round trip, bad rows, wrong encodings, and who may
 * do it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberExportImportIntegrationTests {

	private static final String IMPORT = "/admin/members/import";

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

	@Autowired
	OptIns optIns;

	@Autowired
	Newsletters newsletters;

	@Autowired
	ApplicationContext context;

	private StaffActionsRecorder recorder;

	@Autowired
	JdbcClient jdbc;

	private Staff administrator;

	private String label;

	@BeforeEach
	void setUp() {
		recorder = StaffActionsRecorder.attach(context);
		administrator = Staff.signedIn(port, directory, MemberRole.ADMINISTRATOR);
		label = "x-" + UUID.randomUUID().toString().substring(0, 8);
		plans.createPlan(BillingFixtures.newPlan());
	}

	private long member(String who, String name) {
		long id = directory
			.createAccount(new NewAccount(MemberFixtures.uniqueEmail(who), name, null, MemberRole.MEMBER, false));
		roster.addLabel(administrator.id(), id, label);
		return id;
	}

	private List<List<String>> export(String query) throws Exception {
		Visitor.Page csv = administrator.visitor().get("/admin/members/export.csv?" + query);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		List<List<String>> rows = new ArrayList<>();
		CsvReader.parse(csv.body()).forEach(record -> rows.add(record.fields()));
		return rows;
	}

	private Visitor.Page upload(String csv) {
		return upload(csv.getBytes(StandardCharsets.UTF_8));
	}

	private Visitor.Page upload(byte[] csv) {
		return administrator.visitor().upload(IMPORT, IMPORT, "file", "members.csv", csv);
	}

	private Visitor.Page confirm(Visitor.Page dryRun) {
		String action = dryRun.document().selectFirst("form.import-confirm").attr("action");
		return administrator.post(action, Map.of());
	}

	private long membersWithLabel(String label) {
		return MembersProbe.membersLabelled(jdbc, label);
	}

	@AfterEach
	void detach() {
		recorder.close();
	}

	@Test
	void anExportImportedUnderNewAddressesExportsTheSame() throws Exception {
		long comped = member("comped", "=Comped, \"the\" one");
		subscriptions.grantComp(comped, plans.activePlans().get(0).tier(), null);
		long unsubscribed = member("quiet", "Quiet");
		optIns.choose(unsubscribed, List.of());
		long noted = member("noted", "Noted");
		roster.changeNote(administrator.id(), noted, "Met at the fair,\nsays \"hi\"");
		roster.addLabel(administrator.id(), noted, "second");

		List<List<String>> exported = export("label=" + label);
		assertThat(exported.get(0)).isEqualTo(MemberExport.COLUMNS);
		assertThat(exported).hasSize(4);
		assertThat(exported).anySatisfy(row -> assertThat(row.get(2)).isEqualTo("'=Comped, \"the\" one"));

		String copy = "y-" + UUID.randomUUID().toString().substring(0, 8);
		StringBuilder csv = new StringBuilder(String.join(",", MemberExport.COLUMNS)).append("\r\n");
		for (List<String> row : exported.subList(1, exported.size())) {
			List<String> changed = new ArrayList<>(row);
			changed.set(1, "copy-" + row.get(1));
			changed.set(9, row.get(9).replace(label, copy));
			csv.append(changed.stream()
				.map(MemberExportImportIntegrationTests::quoted)
				.reduce((a, b) -> a + "," + b)
				.orElseThrow()).append("\r\n");
		}
		Visitor.Page dryRun = upload(csv.toString());
		assertThat(dryRun.status()).isEqualTo(200);
		assertThat(dryRun.document().selectFirst(".import-summary").text()).startsWith("3 members will be imported")
			.endsWith("1 comps.");
		assertThat(membersWithLabel(copy)).as("nothing before the confirmation").isZero();

		Visitor.Page imported = confirm(dryRun);
		assertThat(imported.status()).isEqualTo(303);

		List<List<String>> again = export("label=" + copy);
		assertThat(again).hasSize(4);
		for (int i = 1; i < exported.size(); i++) {
			List<String> before = exported.get(i);
			List<String> after = again.get(i);
			assertThat(after.get(1)).isEqualTo("copy-" + before.get(1));
			assertThat(after.subList(2, 9)).isEqualTo(before.subList(2, 9));
			assertThat(after.get(9)).isEqualTo(before.get(9).replace(label, copy));
			assertThat(after.get(10)).isEqualTo(before.get(10));
		}
		assertThat(recorder.by(administrator.id())).extracting(StaffActed::action)
			.contains("members.exported", "members.imported");
	}

	private static String quoted(String field) {
		return "\"" + field.replace("\"", "\"\"") + "\"";
	}

	@Test
	void theNewslettersColumnOfTheOwnersExportKeepsEachOptInAndAnUnknownSlugIsARowProblem() {
		Map<String, Long> bySlug = newsletters.all()
			.stream()
			.collect(Collectors.toMap(Newsletter::slug, Newsletter::id));
		String both = "both-" + label + "@example.test";
		String optional = "optional-" + label + "@example.test";
		String none = "none-" + label + "@example.test";
		String header = String.join(",", MemberExport.COLUMNS_WITH_NEWSLETTERS) + "\r\n";

		Visitor.Page refused = upload(
				header + ",ghost-" + label + "@example.test,,,true,false,,,,,,\"weekly,gone-" + label + "\"\r\n");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".import-problem").eachText())
			.singleElement(InstanceOfAssertFactories.STRING)
			.startsWith("Line 2: newsletters names \"gone-" + label + "\", which is not a newsletter here");

		Visitor.Page dryRun = upload(
				header + ",%s,Both,,true,false,,,,%s,,\"weekly,breaking-explainers\"\r\n".formatted(both, label)
						+ ",%s,Optional,,true,false,,,,%s,,breaking-explainers\r\n".formatted(optional, label)
						+ ",%s,None,,false,false,,,,%s,,\r\n".formatted(none, label));
		assertThat(dryRun.document().selectFirst(".import-summary").text())
			.isEqualTo("3 members will be imported, 3 newsletter opt-ins, 0 comps.");
		assertThat(confirm(dryRun).status()).isEqualTo(303);

		assertThat(optIns.of(directory.findByEmail(both).orElseThrow().id()))
			.containsExactlyInAnyOrder(bySlug.get("weekly"), bySlug.get("breaking-explainers"));
		assertThat(optIns.of(directory.findByEmail(optional).orElseThrow().id()))
			.containsExactly(bySlug.get("breaking-explainers"));
		assertThat(optIns.of(directory.findByEmail(none).orElseThrow().id())).isEmpty();
	}

	@Test
	void oneBadRowStopsTheWholeImportAndIsReportedByItsLine() {
		String good = "good-" + label + "@example.test";
		Visitor.Page refused = upload("email,name,labels\n" + good + ",Good," + label + "\nnot-an-address,Bad," + label
				+ "\n" + "fine-" + label + "@example.test,Fine," + label + "\n");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".import-problem").eachText())
			.containsExactly("Line 3: \"not-an-address\" is not a valid email address");
		assertThat(refused.document().select("form.import-confirm")).isEmpty();
		assertThat(directory.findByEmail(good)).isEmpty();
		assertThat(membersWithLabel(label)).isZero();
	}

	@Test
	void aJoinDateBefore1900IsRefusedAtTheCheckNotA500AtTheConfirmation() {
		String ancient = "ancient-" + label + "@example.test";

		Visitor.Page refused = upload("email,name,created_at\n" + ancient + ",Year Zero,0000-06-01\n");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.document().select(".import-problem").eachText())
			.containsExactly("Line 2: created_at \"0000-06-01\" is before 1900");
		assertThat(refused.document().select("form.import-confirm")).isEmpty();
		assertThat(directory.findByEmail(ancient)).isEmpty();
	}

	@Test
	void aFileThatIsNotUtf8IsRefused() {
		String csv = "email,name\nzoe-" + label + "@example.test,Zoë\n";

		for (byte[] bytes : List.of(csv.getBytes(StandardCharsets.ISO_8859_1), csv.getBytes(StandardCharsets.UTF_16))) {
			Visitor.Page refused = upload(bytes);
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.document().selectFirst(".import-problem").text()).contains("The file is not UTF-8 text");
		}
		assertThat(directory.findByEmail("zoe-" + label + "@example.test")).isEmpty();
	}

	@Test
	void aByteOrderMarkIsFineAndExistingMembersAreSkipped() {
		String existing = MemberFixtures.reader(directory, "existing");
		String fresh = "bom-" + label + "@example.test";
		byte[] bytes = ("\uFEFFEmail,Name,Labels\n" + existing + ",Old," + label + "\n" + fresh + ",Zoë," + label
				+ "\n")
			.getBytes(StandardCharsets.UTF_8);

		Visitor.Page dryRun = upload(bytes);
		assertThat(dryRun.document().select(".import-skipped").eachText())
			.containsExactly("Line 2: " + existing + " is already a member; skipped");
		confirm(dryRun);

		assertThat(directory.findByEmail(fresh)).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Zoë"));
		assertThat(membersWithLabel(label)).isEqualTo(1);
	}

	@Test
	void aConfirmationWorksOnceAndOnlyForWhoUploaded() {
		Visitor.Page dryRun = upload("email\nonce-" + label + "@example.test\n");
		String action = dryRun.document().selectFirst("form.import-confirm").attr("action");
		Staff other = Staff.signedIn(port, directory, MemberRole.ADMINISTRATOR);

		assertThat(other.post(action, Map.of()).status()).isEqualTo(410);
		assertThat(administrator.post(action, Map.of()).status()).isEqualTo(303);
		assertThat(administrator.post(action, Map.of()).status()).isEqualTo(410);
		assertThat(directory.findByEmail("once-" + label + "@example.test")).isPresent();
	}

	@Test
	void editorsMayNotExportOrImport() {
		Staff editor = Staff.signedIn(port, directory, MemberRole.EDITOR);

		assertThat(editor.visitor().get("/admin/members/export.csv").status()).isEqualTo(403);
		assertThat(editor.visitor().get(IMPORT).status()).isEqualTo(403);
		assertThat(editor.post(IMPORT, Map.of()).status()).isEqualTo(403);
		assertThat(editor.post(IMPORT + "/abc/confirm", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void theImportPageOffersAnUploadForm() {
		Document page = administrator.visitor().get(IMPORT).document();

		assertThat(page.selectFirst("form.import-upload").attr("enctype")).isEqualTo("multipart/form-data");
	}

}
