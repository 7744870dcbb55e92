package org.backstory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.admin.AdminProbe;
import org.backstory.admin.AdminProbe.AuditEntry;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The owner's integrations page at {@code /admin/integrations}, and the keys it issues.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntegrationsIntegrationTests {

	private static final String PAGE = "/admin/integrations";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	Integrations integrations;

	@Autowired
	JdbcClient jdbc;

	private final List<String> names = new ArrayList<>();

	@AfterEach
	void removeIntegrations() {
		names.forEach(name -> jdbc.sql("delete from api.integration where name = :name").param("name", name).update());
	}

	@Test
	void theOwnerCreatesAnIntegrationAndSeesItsKeysOnlyOnce() {
		Visitor owner = owner();
		String name = name("Zapier");

		Visitor.Page created = owner.submit(PAGE, PAGE, Map.of("name", name, "role", "editor"));

		assertThat(created.status()).isEqualTo(200);
		assertThat(created.header("Cache-Control")).isEqualTo("private, no-store");
		List<String> keys = created.document().select("code.issued-key").eachText();
		assertThat(keys).hasSize(2);
		String contentKey = keys.get(0);
		String adminKey = keys.get(1);
		assertThat(contentKey).matches("[0-9a-f]{26}");
		assertThat(adminKey).matches("[0-9a-f]{24}:[0-9a-f]{64}");
		Integration integration = integrations.byContentKey(contentKey).orElseThrow();
		assertThat(integration.name()).isEqualTo(name);
		assertThat(integration.role()).isEqualTo(MemberRole.EDITOR);
		String[] admin = adminKey.split(":");
		AdminKey opened = integrations.adminKey(admin[0]).orElseThrow();
		assertThat(opened.integrationId()).isEqualTo(integration.id());
		assertThat(opened.role()).isEqualTo(MemberRole.EDITOR);
		assertThat(opened.secret()).isEqualTo(HexFormat.of().parseHex(admin[1]));

		Visitor.Page listed = owner.get(PAGE);
		assertThat(listed.body()).contains(name, admin[0]).doesNotContain(contentKey).doesNotContain(admin[1]);
		assertThat(audit(integration.id())).containsExactly("integration.created");
	}

	@Test
	void neitherKeyIsStoredAsItIs() {
		IssuedIntegration issued = integrations.create(ownerId(), name("Stored"), MemberRole.AUTHOR);
		String secret = issued.adminKey().split(":")[1];

		Map<String, Object> row = jdbc.sql("select content_key_hash, admin_secret from api.integration where id = :id")
			.param("id", issued.integration().id())
			.query()
			.singleRow();

		byte[] hash = (byte[]) row.get("content_key_hash");
		byte[] sealed = (byte[]) row.get("admin_secret");
		assertThat(HexFormat.of().formatHex(hash)).isNotEqualTo(issued.contentKey()).hasSize(64);
		assertThat(HexFormat.of().formatHex(sealed)).doesNotContain(secret)
			.doesNotContain(secret.substring(0, 16))
			.doesNotContain(secret.substring(48));
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
	}

	@Test
	void theOwnerRenamesAnIntegration() {
		Visitor owner = owner();
		IssuedIntegration issued = integrations.create(ownerId(), name("Before"), MemberRole.CONTRIBUTOR);
		long id = issued.integration().id();
		String renamed = name("After");

		Visitor.Page page = owner.submit(PAGE, PAGE + "/" + id + "/name", Map.of("name", renamed));

		assertThat(page.status()).isEqualTo(303);
		assertThat(owner.get(PAGE).document().select("table.integrations td").eachText()).contains(renamed);
		assertThat(integrations.byContentKey(issued.contentKey()).orElseThrow().name()).isEqualTo(renamed);
		assertThat(audit(id)).contains("integration.renamed");
	}

	@Test
	void aNewContentKeyReplacesTheOldOne() {
		Visitor owner = owner();
		IssuedIntegration issued = integrations.create(ownerId(), name("Content"), MemberRole.CONTRIBUTOR);
		long id = issued.integration().id();

		Visitor.Page page = owner.submit(PAGE, PAGE + "/" + id + "/content-key", Map.of());

		assertThat(page.status()).isEqualTo(200);
		String key = page.document().selectFirst("code.issued-key").text();
		assertThat(key).matches("[0-9a-f]{26}").isNotEqualTo(issued.contentKey());
		assertThat(integrations.byContentKey(issued.contentKey())).isEmpty();
		assertThat(integrations.byContentKey(key)).map(Integration::id).contains(id);
		assertThat(integrations.adminKey(issued.integration().adminKeyId())).as("the admin key is kept").isPresent();
		assertThat(audit(id)).contains("integration.content-key-regenerated");
	}

	@Test
	void aNewAdminKeyReplacesTheOldOne() {
		Visitor owner = owner();
		IssuedIntegration issued = integrations.create(ownerId(), name("Admin"), MemberRole.ADMINISTRATOR);
		long id = issued.integration().id();

		Visitor.Page page = owner.submit(PAGE, PAGE + "/" + id + "/admin-key", Map.of());

		String key = page.document().selectFirst("code.issued-key").text();
		assertThat(key).matches("[0-9a-f]{24}:[0-9a-f]{64}").isNotEqualTo(issued.adminKey());
		assertThat(integrations.adminKey(issued.integration().adminKeyId())).isEmpty();
		assertThat(integrations.adminKey(key.split(":")[0]).orElseThrow().secret())
			.isEqualTo(HexFormat.of().parseHex(key.split(":")[1]));
		assertThat(integrations.byContentKey(issued.contentKey())).as("the content key is kept").isPresent();
		assertThat(audit(id)).contains("integration.admin-key-regenerated");
	}

	@Test
	void aRevokedIntegrationsKeysOpenNothing() {
		Visitor owner = owner();
		IssuedIntegration issued = integrations.create(ownerId(), name("Revoked"), MemberRole.EDITOR);
		long id = issued.integration().id();

		Visitor.Page page = owner.submit(PAGE, PAGE + "/" + id + "/revoke", Map.of());

		assertThat(page.status()).isEqualTo(303);
		assertThat(integrations.byContentKey(issued.contentKey())).isEmpty();
		assertThat(integrations.adminKey(issued.integration().adminKeyId())).isEmpty();
		assertThat(owner.get(PAGE)
			.document()
			.select("table.integrations tr:contains(" + issued.integration().name() + ")")
			.text()).contains("revoked").doesNotContain("Rename");
		assertThat(audit(id)).contains("integration.revoked");
	}

	@Test
	void badNamesAndRolesAreRefusedWithAReasonAndCreateNothing() {
		Visitor owner = owner();
		long before = count();

		Visitor.Page empty = owner.submit(PAGE, PAGE, Map.of("name", "  ", "role", "editor"));
		Visitor.Page ownerRole = owner.submit(PAGE, PAGE, Map.of("name", name("Owner"), "role", "owner"));
		Visitor.Page long81 = owner.submit(PAGE, PAGE, Map.of("name", "x".repeat(81), "role", "author"));
		Visitor.Page twoLines = owner.submit(PAGE, PAGE, Map.of("name", "a\nb", "role", "author"));

		assertThat(List.of(empty, ownerRole, long81, twoLines)).allSatisfy(page -> {
			assertThat(page.status()).isEqualTo(422);
			assertThat(page.document().select("p.error").text()).isNotBlank();
			assertThat(page.document().select("code.issued-key")).isEmpty();
		});
		assertThat(empty.document().select("p.error").text()).isEqualTo("Give the integration a name.");
		assertThat(ownerRole.document().select("p.error").text())
			.contains("contributor, author, editor or administrator");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void unknownAndMalformedKeysOpenNothing() {
		assertThat(integrations.byContentKey("0123456789abcdef0123456789")).isEmpty();
		assertThat(integrations.byContentKey("0123456789ABCDEF0123456789")).isEmpty();
		assertThat(integrations.byContentKey("' or 1=1 --")).isEmpty();
		assertThat(integrations.adminKey("0123456789abcdef01234567")).isEmpty();
		assertThat(integrations.adminKey("nothex")).isEmpty();
	}

	@Test
	void anUnknownIntegrationIsNotFound() {
		Visitor owner = owner();
		Document page = owner.get(PAGE).document();
		String csrf = page.selectFirst("input[name=_csrf]").val();

		assertThat(owner.post(PAGE + "/987654321/revoke", Map.of("_csrf", csrf)).status()).isEqualTo(404);
		assertThat(owner.post(PAGE + "/987654321/content-key", Map.of("_csrf", csrf)).status()).isEqualTo(404);
		assertThat(owner.post(PAGE + "/987654321/name", Map.of("_csrf", csrf, "name", "x")).status()).isEqualTo(404);
	}

	private String name(String what) {
		String name = what + " " + MemberFixtures.uniqueEmail("i").substring(2, 10);
		names.add(name);
		return name;
	}

	private Visitor owner() {
		Visitor owner = new Visitor(port);
		owner.signIn(MemberFixtures.account(directory, "integrations-owner", MemberRole.OWNER),
				MemberFixtures.PASSWORD);
		return owner;
	}

	private long ownerId() {
		String email = MemberFixtures.account(directory, "integrations-owner", MemberRole.OWNER);
		return directory.findByEmail(email).orElseThrow().id();
	}

	private long count() {
		return jdbc.sql("select count(*) from api.integration").query(Long.class).single();
	}

	private List<String> audit(long id) {
		return AdminProbe.entriesAboutStartingWith(jdbc, "integration " + id + " ")
			.stream()
			.map(AuditEntry::action)
			.toList();
	}

}
