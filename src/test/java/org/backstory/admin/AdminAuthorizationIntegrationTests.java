package org.backstory.admin;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every admin endpoint, each with the lowest role allowed to use it. The table must name
 * every {@code /admin} handler the application has, so a new endpoint cannot ship without
 * a decision here. For each one: anonymous visitors are sent to sign in, the role just
 * below the lowest gets 403, and the lowest role gets through (to a 2xx, 3xx, 404 or 4xx
 * about its input: the ids used exist nowhere). Rules finer than the role (an author's
 * own article) are tested beside their handlers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminAuthorizationIntegrationTests {

	private static final Map<String, MemberRole> LOWEST_ROLE = Map.ofEntries(
			entry("GET /admin", MemberRole.CONTRIBUTOR), entry("GET /admin/publish", MemberRole.AUTHOR),
			entry("GET /admin/publish/{id}", MemberRole.AUTHOR), entry("POST /admin/publish/{id}", MemberRole.AUTHOR),
			entry("POST /admin/media", MemberRole.CONTRIBUTOR), entry("GET /admin/articles", MemberRole.CONTRIBUTOR),
			entry("GET /admin/articles/new", MemberRole.CONTRIBUTOR),
			entry("POST /admin/articles", MemberRole.CONTRIBUTOR),
			entry("POST /admin/articles/autosave", MemberRole.CONTRIBUTOR),
			entry("POST /admin/articles/background-suggestions", MemberRole.CONTRIBUTOR),
			entry("POST /admin/articles/preview", MemberRole.CONTRIBUTOR),
			entry("GET /admin/articles/{id}", MemberRole.CONTRIBUTOR),
			entry("POST /admin/articles/{id}", MemberRole.CONTRIBUTOR),
			entry("GET /admin/articles/{id}/preview", MemberRole.CONTRIBUTOR),
			entry("POST /admin/articles/{id}/presence", MemberRole.CONTRIBUTOR),
			entry("POST /admin/articles/{id}/mentions", MemberRole.CONTRIBUTOR),
			entry("POST /admin/articles/{id}/publish", MemberRole.CONTRIBUTOR),
			entry("POST /admin/articles/{id}/schedule", MemberRole.CONTRIBUTOR),
			entry("POST /admin/articles/{id}/unpublish", MemberRole.CONTRIBUTOR),
			entry("GET /admin/articles/{id}/revisions", MemberRole.CONTRIBUTOR),
			entry("GET /admin/articles/{id}/revisions/{revisionId}", MemberRole.CONTRIBUTOR),
			entry("POST /admin/articles/{id}/revisions/{revisionId}/restore", MemberRole.CONTRIBUTOR),
			entry("GET /admin/tags", MemberRole.EDITOR), entry("POST /admin/tags", MemberRole.EDITOR),
			entry("GET /admin/tags/{id}", MemberRole.EDITOR), entry("POST /admin/tags/{id}", MemberRole.EDITOR),
			entry("POST /admin/tags/{id}/merge", MemberRole.EDITOR),
			entry("POST /admin/tags/{id}/delete", MemberRole.EDITOR), entry("GET /admin/entities", MemberRole.EDITOR),
			entry("POST /admin/entities", MemberRole.EDITOR), entry("POST /admin/entities/from-tag", MemberRole.EDITOR),
			entry("GET /admin/entities/{id}", MemberRole.EDITOR), entry("POST /admin/entities/{id}", MemberRole.EDITOR),
			entry("POST /admin/entities/{id}/delete", MemberRole.EDITOR),
			entry("GET /admin/storylines", MemberRole.EDITOR), entry("POST /admin/storylines", MemberRole.EDITOR),
			entry("GET /admin/storylines/{id}", MemberRole.EDITOR),
			entry("POST /admin/storylines/{id}", MemberRole.EDITOR),
			entry("POST /admin/storylines/{id}/order", MemberRole.EDITOR),
			entry("POST /admin/storylines/{id}/merge", MemberRole.EDITOR),
			entry("POST /admin/storylines/{id}/events", MemberRole.EDITOR),
			entry("GET /admin/storylines/{id}/events/{eventId}", MemberRole.EDITOR),
			entry("POST /admin/storylines/{id}/events/{eventId}", MemberRole.EDITOR),
			entry("POST /admin/storylines/{id}/events/{eventId}/delete", MemberRole.EDITOR),
			entry("GET /admin/dashboard", MemberRole.ADMINISTRATOR),
			entry("GET /admin/dashboard/articles/{articleId}", MemberRole.ADMINISTRATOR),
			entry("GET /admin/settings", MemberRole.ADMINISTRATOR),
			entry("POST /admin/settings", MemberRole.ADMINISTRATOR),
			entry("GET /admin/settings/plans", MemberRole.OWNER), entry("POST /admin/settings/plans", MemberRole.OWNER),
			entry("POST /admin/settings/plans/{code}/archive", MemberRole.OWNER),
			entry("POST /admin/settings/plans/{code}/gift-links", MemberRole.OWNER),
			entry("POST /admin/settings/plans/{code}/prices", MemberRole.OWNER),
			entry("GET /admin/settings/welcome", MemberRole.ADMINISTRATOR),
			entry("GET /admin/settings/newsletter-analytics", MemberRole.OWNER),
			entry("POST /admin/settings/newsletter-analytics", MemberRole.OWNER),
			entry("POST /admin/settings/welcome/{code}", MemberRole.ADMINISTRATOR),
			entry("POST /admin/settings/welcome/{code}/preview", MemberRole.ADMINISTRATOR),
			entry("POST /admin/settings/plans/{code}/group", MemberRole.OWNER),
			entry("GET /admin/members", MemberRole.EDITOR), entry("GET /admin/members/{memberId}", MemberRole.EDITOR),
			entry("GET /admin/members/export.csv", MemberRole.ADMINISTRATOR),
			entry("GET /admin/members/import", MemberRole.ADMINISTRATOR),
			entry("POST /admin/members/import", MemberRole.ADMINISTRATOR),
			entry("POST /admin/members/import/{id}/confirm", MemberRole.ADMINISTRATOR),
			entry("GET /admin/members/{memberId}/delete", MemberRole.ADMINISTRATOR),
			entry("POST /admin/members/{memberId}/delete", MemberRole.ADMINISTRATOR),
			entry("POST /admin/members/{memberId}/labels", MemberRole.ADMINISTRATOR),
			entry("POST /admin/members/{memberId}/labels/remove", MemberRole.ADMINISTRATOR),
			entry("POST /admin/members/{memberId}/note", MemberRole.ADMINISTRATOR),
			entry("GET /admin/email/outbox", MemberRole.EDITOR),
			entry("GET /admin/email/outbox/{id}", MemberRole.OWNER), entry("GET /admin/newsletters", MemberRole.EDITOR),
			entry("GET /admin/newsletters/new", MemberRole.EDITOR), entry("POST /admin/newsletters", MemberRole.EDITOR),
			entry("GET /admin/newsletters/{id}", MemberRole.EDITOR),
			entry("POST /admin/newsletters/{id}", MemberRole.EDITOR),
			entry("GET /admin/newsletters/members", MemberRole.EDITOR),
			entry("GET /admin/newsletters/suppressions", MemberRole.EDITOR),
			entry("POST /admin/newsletters/suppressions/remove", MemberRole.EDITOR),
			entry("GET /admin/newsletters/sends", MemberRole.EDITOR),
			entry("GET /admin/newsletters/sends/{id}", MemberRole.EDITOR),
			entry("POST /admin/newsletters/sends/{id}/cancel", MemberRole.EDITOR),
			entry("GET /admin/newsletters/sends/{id}/editions/{edition}", MemberRole.EDITOR),
			entry("GET /admin/members/{memberId}/newsletters", MemberRole.EDITOR),
			entry("POST /admin/members/{memberId}/newsletters", MemberRole.ADMINISTRATOR),
			entry("GET /admin/import", MemberRole.ADMINISTRATOR), entry("POST /admin/import", MemberRole.ADMINISTRATOR),
			entry("POST /admin/import/{id}/confirm", MemberRole.ADMINISTRATOR),
			entry("GET /admin/billing", MemberRole.ADMINISTRATOR),
			entry("GET /admin/billing/members/{memberId}", MemberRole.ADMINISTRATOR),
			entry("POST /admin/billing/members/{memberId}/cancel", MemberRole.ADMINISTRATOR),
			entry("POST /admin/billing/members/{memberId}/comp", MemberRole.ADMINISTRATOR),
			entry("POST /admin/billing/members/{memberId}/payments/{paymentId}/refund", MemberRole.ADMINISTRATOR),
			entry("GET /admin/billing/group-licences", MemberRole.ADMINISTRATOR),
			entry("POST /admin/billing/group-licences", MemberRole.ADMINISTRATOR),
			entry("POST /admin/billing/group-licences/{id}/cancel", MemberRole.ADMINISTRATOR),
			entry("POST /admin/billing/group-licences/payment-text", MemberRole.ADMINISTRATOR),
			entry("GET /admin/billing/invoices", MemberRole.ADMINISTRATOR),
			entry("GET /admin/billing/invoices/{id}", MemberRole.ADMINISTRATOR),
			entry("POST /admin/billing/invoices/{id}/paid", MemberRole.ADMINISTRATOR),
			entry("POST /admin/billing/invoices/{id}/void", MemberRole.ADMINISTRATOR),
			entry("POST /admin/billing/invoices/{id}/due-date", MemberRole.ADMINISTRATOR),
			entry("GET /admin/webhooks", MemberRole.ADMINISTRATOR),
			entry("POST /admin/webhooks", MemberRole.ADMINISTRATOR),
			entry("GET /admin/webhooks/{id}", MemberRole.ADMINISTRATOR),
			entry("POST /admin/webhooks/{id}/disable", MemberRole.ADMINISTRATOR),
			entry("POST /admin/webhooks/{id}/enable", MemberRole.ADMINISTRATOR),
			entry("POST /admin/webhooks/{id}/delete", MemberRole.ADMINISTRATOR),
			entry("POST /admin/webhooks/{id}/deliveries/{deliveryId}/send-again", MemberRole.ADMINISTRATOR),
			entry("GET /admin/billing/coupons", MemberRole.OWNER),
			entry("POST /admin/billing/coupons", MemberRole.OWNER),
			entry("POST /admin/billing/coupons/{id}/deactivate", MemberRole.OWNER),
			entry("GET /admin/billing/offers", MemberRole.OWNER), entry("POST /admin/billing/offers", MemberRole.OWNER),
			entry("GET /admin/billing/offers/{code}", MemberRole.OWNER),
			entry("POST /admin/billing/offers/{code}", MemberRole.OWNER),
			entry("POST /admin/billing/offers/{code}/archive", MemberRole.OWNER),
			entry("GET /admin/staff", MemberRole.OWNER), entry("POST /admin/staff/invites", MemberRole.OWNER),
			entry("POST /admin/staff/invites/{inviteId}/revoke", MemberRole.OWNER),
			entry("POST /admin/staff/{memberId}/role", MemberRole.OWNER),
			entry("POST /admin/staff/{memberId}/remove", MemberRole.OWNER),
			entry("POST /admin/staff/transfer", MemberRole.OWNER),
			entry("POST /admin/staff/two-factor", MemberRole.OWNER),
			entry("POST /admin/staff/{memberId}/two-factor/reset", MemberRole.OWNER),
			entry("GET /admin/two-factor", MemberRole.CONTRIBUTOR),
			entry("POST /admin/two-factor", MemberRole.CONTRIBUTOR),
			entry("POST /admin/two-factor/recovery-codes", MemberRole.CONTRIBUTOR),
			entry("POST /admin/two-factor/off", MemberRole.CONTRIBUTOR), entry("GET /admin/audit", MemberRole.OWNER),
			entry("GET /admin/export", MemberRole.OWNER), entry("GET /admin/backup", MemberRole.OWNER),
			entry("GET /admin/export/archive", MemberRole.OWNER), entry("GET /admin/export/{file}", MemberRole.OWNER),
			entry("GET /admin/integrations", MemberRole.OWNER), entry("POST /admin/integrations", MemberRole.OWNER),
			entry("POST /admin/integrations/{id}/name", MemberRole.OWNER),
			entry("POST /admin/integrations/{id}/content-key", MemberRole.OWNER),
			entry("POST /admin/integrations/{id}/admin-key", MemberRole.OWNER),
			entry("POST /admin/integrations/{id}/revoke", MemberRole.OWNER));

	/** An id no row has, for every path variable. */
	private static final String NOWHERE = "987654321";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final Map<MemberRole, SignedIn> visitors = new EnumMap<>(MemberRole.class);

	@Test
	void theTableNamesEveryAdminEndpoint() {
		Set<String> endpoints = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			info.getPatternValues()
				.stream()
				.filter(path -> path.equals("/admin") || path.startsWith("/admin/"))
				.forEach(path -> (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
					.forEach(method -> endpoints.add(method + " " + path)));
		});

		assertThat(endpoints).containsExactlyInAnyOrderElementsOf(LOWEST_ROLE.keySet());
	}

	Stream<String> endpoints() {
		return LOWEST_ROLE.keySet().stream().sorted();
	}

	@ParameterizedTest
	@MethodSource("endpoints")
	void anonymousVisitorsAreSentToSignIn(String endpoint) {
		Visitor anonymous = new Visitor(port);
		String csrf = anonymous.get("/login").document().selectFirst("input[name=_csrf]").val();

		Visitor.Page page = call(anonymous, csrf, endpoint);

		assertThat(page.status()).as(endpoint).isEqualTo(302);
		assertThat(page.header("Location")).as(endpoint).contains("/login");
	}

	@ParameterizedTest
	@MethodSource("endpoints")
	void theRoleJustBelowTheLowestIsRefused(String endpoint) {
		MemberRole below = MemberRole.values()[LOWEST_ROLE.get(endpoint).ordinal() - 1];

		assertThat(call(below, endpoint).status()).as(endpoint + " as " + below).isEqualTo(403);
	}

	@ParameterizedTest
	@MethodSource("endpoints")
	void theLowestRoleGetsThrough(String endpoint) {
		MemberRole lowest = LOWEST_ROLE.get(endpoint);

		Visitor.Page page = call(lowest, endpoint);

		assertThat(page.status()).as(endpoint + " as " + lowest).isNotEqualTo(403).isLessThan(500);
		if (page.status() == 302) {
			assertThat(page.header("Location")).as(endpoint).doesNotContain("/login");
		}
	}

	private Visitor.Page call(MemberRole role, String endpoint) {
		SignedIn signedIn = visitors.computeIfAbsent(role, this::signIn);
		return call(signedIn.visitor(), signedIn.csrf(), endpoint);
	}

	private SignedIn signIn(MemberRole role) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(MemberFixtures.account(directory, "authz-" + role.name().toLowerCase(), role),
				MemberFixtures.PASSWORD);
		String csrf = visitor.get("/account/profile").document().selectFirst("input[name=_csrf]").val();
		return new SignedIn(visitor, csrf);
	}

	private static Visitor.Page call(Visitor visitor, String csrf, String endpoint) {
		String[] parts = endpoint.split(" ", 2);
		String path = Arrays.stream(parts[1].split("/"))
			.map(segment -> segment.startsWith("{") ? NOWHERE : segment)
			.reduce((a, b) -> a + "/" + b)
			.orElseThrow();
		return parts[0].equals("GET") ? visitor.get(path) : visitor.post(path, Map.of("_csrf", csrf));
	}

	private record SignedIn(Visitor visitor, String csrf) {
	}

}
