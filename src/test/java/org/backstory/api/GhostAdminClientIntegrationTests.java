package org.backstory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.admin.AdminProbe;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.members.MemberRole;
import org.backstory.members.MemberRoster;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.PublishingProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ghost's own Admin API client, {@code @tryghost/admin-api} 1.14.13, against the running
 * app with an editor integration's key: it reads the site, adds a paid post from html
 * with the members-only marker and a new tag, edits it as Ghost's editor does (sending
 * the post back with its {@code updated_at}), meets the update collision with a stale
 * one, reads, browses, deletes, and is refused with an unknown key; with an administrator
 * integration's key it adds a member with a label, edits, reads and finds them by
 * address, and meets Ghost's duplicate error, while the editor's key may not add members
 * ({@code ghost-admin-client/client.js}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GhostAdminClientIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Integrations integrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MemberRoster roster;

	@Autowired
	MemberDirectory directory;

	private final String name = ArticleFixtures.unique("ghost-admin-client");

	private long integrationId;

	private long membersIntegrationId;

	private final String memberEmail = "client-reader@" + name + ".test";

	@AfterAll
	void cleanUp() {
		long actor = Integration.actorId(integrationId);
		PublishingProbe.forgetArticlesWithTitleLike(jdbc, name + "%");
		PublishingProbe.forgetAuthor(jdbc, actor);
		PublishingProbe.forgetTagsWithNameLike(jdbc, name + "%");
		AdminProbe.forgetActor(jdbc, actor);
		roster.find(memberId())
			.ifPresent(member -> roster.delete(Integration.actorId(membersIntegrationId), member.id()));
		AdminProbe.forgetActor(jdbc, Integration.actorId(membersIntegrationId));
		ContentApiFixtures.remove(jdbc, name);
	}

	private long memberId() {
		return directory.findByEmail(memberEmail).map(MemberProfile::id).orElse(-1L);
	}

	@Test
	void ghostsOwnAdminClientWritesBackstory() throws Exception {
		NodeClient client = NodeClient.install("@tryghost/admin-api", "1.14.13", "ghost-admin-client/client.js");
		IssuedIntegration issued = integrations.create(0, name, MemberRole.EDITOR);
		integrationId = issued.integration().id();
		IssuedIntegration membersIssued = integrations.create(0, name + " members", MemberRole.ADMINISTRATOR);
		membersIntegrationId = membersIssued.integration().id();

		JsonNode out = json
			.readTree(client.run(Map.of("BACKSTORY_URL", "http://127.0.0.1:" + port, "ADMIN_KEY", issued.adminKey(),
					"TITLE", name, "MEMBERS_KEY", membersIssued.adminKey(), "MEMBER_EMAIL", memberEmail)));

		assertThat(out.path("site").path("title").asString()).isNotBlank();
		JsonNode added = out.path("added");
		assertThat(added.path("status").asString()).isEqualTo("published");
		assertThat(added.path("visibility").asString()).isEqualTo("paid");
		assertThat(added.path("html").asString()).containsSubsequence("The free opening.", "<!--members-only-->",
				"The paid secret.");
		assertThat(added.path("tags")).extracting(JsonNode::asString).containsExactly(name + " tag");
		assertThat(added.path("excerpt").asString()).isEqualTo("A dek from the client.");
		assertThat(out.path("edited").path("title").asString()).isEqualTo(name + " edited");
		assertThat(out.path("edited").path("html").asString()).contains("The paid secret.");
		assertThat(out.path("collision").asString()).isEqualTo("UpdateCollisionError:UPDATE_COLLISION");
		assertThat(out.path("read").asString()).isEqualTo(name + " edited");
		assertThat(out.path("browse").path("isArray").asBoolean()).isTrue();
		assertThat(out.path("browse").path("ids")).extracting(JsonNode::asString).contains(added.path("id").asString());
		assertThat(out.path("tags")).extracting(JsonNode::asString).contains(name + " tag");
		assertThat(out.path("afterDelete").asString()).isEqualTo("NotFoundError");
		assertThat(out.path("unknownKey").asString()).isEqualTo("UnauthorizedError:UNKNOWN_ADMIN_API_KEY");

		JsonNode member = out.path("memberAdded");
		assertThat(member.path("id").asString()).isEqualTo(Long.toString(memberId()));
		assertThat(member.path("email").asString()).isEqualTo(memberEmail);
		assertThat(member.path("labels")).extracting(JsonNode::asString).containsExactly(name + " label");
		assertThat(member.path("status").asString()).isEqualTo("free");
		assertThat(member.path("subscribed").asBoolean()).isFalse();
		assertThat(out.at("/memberEdited/name").asString()).isEqualTo("Client Reader Edited");
		assertThat(out.at("/memberEdited/note").asString()).isEqualTo("From the client");
		assertThat(out.path("memberRead").asString()).isEqualTo("Client Reader Edited");
		assertThat(out.at("/memberBrowse/isArray").asBoolean()).isTrue();
		assertThat(out.at("/memberBrowse/ids")).extracting(JsonNode::asString)
			.containsExactly(member.path("id").asString());
		assertThat(out.at("/memberBrowse/total").asInt()).isEqualTo(1);
		assertThat(out.path("memberDuplicate").asString()).isEqualTo("ValidationError");
		assertThat(out.path("editorAddsMember").asString()).isEqualTo("NoPermissionError");
	}

}
