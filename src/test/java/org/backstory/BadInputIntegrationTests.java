package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.backstory.HandlerRoutes.Route;
import org.backstory.SiteCrawl.Form;
import org.backstory.api.AdminApiTokens;
import org.backstory.api.ContentApiFixtures;
import org.backstory.api.Integrations;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * No request value, however malformed, answers a server error: every {@link BadValue} is
 * sent in every parameter and path variable of every GET and POST route of the running
 * application (read from its handler mapping, so routes added later are covered without
 * being listed), anonymously and signed in as the role each route needs (the owner
 * everywhere, a paying member on the reader's pages as well). Path variables not under
 * test hold a real id found by crawling the site, and a post carries the other fields of
 * the route's own form and a valid CSRF token of the caller's session, so the bad value
 * reaches the handler. The test has a demo database of its own, since it changes whatever
 * it reaches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OwnDatabase(value = "bad_input", demo = true)
class BadInputIntegrationTests {

	/**
	 * Spring Security's sign-in and sign-out: answered by filters, so absent from the
	 * handler mapping.
	 */
	private static final List<Route> FILTER_ROUTES = List.of(
			new Route("POST", PathPatternParser.defaultInstance.parse("/login"), List.of("email", "password")),
			new Route("POST", PathPatternParser.defaultInstance.parse("/logout"), List.of()));

	/**
	 * Requests in flight at once: enough to keep two cores busy, few enough not to starve
	 * the server's pool.
	 */
	private static final int PARALLEL_REQUESTS = 4;

	/**
	 * The Admin API's PUT and DELETE routes, which the handler routes (GET and POST)
	 * leave out.
	 */
	private static final List<Route> ADMIN_API_WRITES = List.of(
			new Route("PUT", PathPatternParser.defaultInstance.parse("/ghost/api/admin/posts/{id}/"), List.of()),
			new Route("DELETE", PathPatternParser.defaultInstance.parse("/ghost/api/admin/posts/{id}/"), List.of()),
			new Route("PUT", PathPatternParser.defaultInstance.parse("/ghost/api/admin/tags/{id}/"), List.of()),
			new Route("PUT", PathPatternParser.defaultInstance.parse("/ghost/api/admin/members/{id}/"), List.of()));

	/** What Ghost's Admin API clients put in the query. */
	private static final List<String> ADMIN_API_PARAMETERS = List.of("page", "limit", "filter", "source", "formats",
			"include", "order");

	/** The body fields the Admin API reads of a member. */
	private static final List<String> ADMIN_API_MEMBER_FIELDS = List.of("email", "name", "note", "labels",
			"newsletters", "subscribed", "comped");

	/** The body fields the Admin API reads, of posts and tags. */
	private static final List<String> ADMIN_API_FIELDS = List.of("title", "html", "slug", "status", "visibility",
			"custom_excerpt", "feature_image", "published_at", "updated_at", "meta_title", "og_image", "name");

	/**
	 * What Ghost's Content API reads from the query (and the {@code slug} its client
	 * repeats on reads).
	 */
	private static final List<String> CONTENT_API_PARAMETERS = List.of("key", "include", "fields", "formats", "limit",
			"page", "order", "filter", "slug");

	@LocalServerPort
	int port;

	@Autowired
	Integrations integrations;

	@Autowired
	MemberDirectory directory;

	@Autowired
	Clock clock;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void noBadValueInAnyParameterOfAnyRouteAnswersAServerError() throws Exception {
		List<Route> routes = HandlerRoutes.of(mapping);
		Caller anonymous = Caller.anonymous(port);
		Caller owner = Caller.signedIn(port, "owner", "owner@demo.test", "/admin/staff");
		Caller member = Caller.signedIn(port, "member", "subscriber@demo.test", "/account");
		SiteCrawl ownerSite = SiteCrawl.of(owner.visitor, starts(routes, "/"), routes);
		SiteCrawl memberSite = SiteCrawl.of(member.visitor, starts(routes, "/account"), routes);
		List<Route> posts = routes.stream().filter(route -> route.method().equals("POST")).toList();
		assertThat(routes).as("routes in the handler mapping").hasSizeGreaterThan(100);
		assertThat(posts.stream().filter(route -> ownerSite.formFor(route).isPresent()))
			.as("POST routes whose form the owner found")
			.hasSizeGreaterThan(posts.size() / 3);

		List<Outcome> outcomes = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(PARALLEL_REQUESTS);
		try {
			outcomes.addAll(run(threads,
					Stream.concat(routes.stream(), FILTER_ROUTES.stream())
						.flatMap(route -> probes(route, anonymous, ownerSite, routes).stream())
						.toList()));
			// Signed in, one route at a time, so that a route that ends the session is
			// found before the next.
			for (Route route : routes) {
				outcomes.addAll(run(threads, probes(route, owner, ownerSite, routes)));
				owner.stayOrSignInAgain();
				if (!route.pattern().getPatternString().startsWith("/admin")) {
					outcomes.addAll(run(threads, probes(route, member, memberSite, routes)));
					member.stayOrSignInAgain();
				}
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(outcomes.stream().filter(Outcome::failed).map(Outcome::toString))
			.as("requests answered with a server error or no answer, of %d sent", outcomes.size())
			.isEmpty();
	}

	/**
	 * Ghost's Content API reads its parameters itself, and refuses a call without a key
	 * before reading them, so here every bad value goes into every parameter and path
	 * variable of every Content API route with a valid key.
	 */
	@Test
	void noBadValueInAnyContentApiParameterAnswersAServerError() {
		String key = ContentApiFixtures.contentKey(integrations, "bad input");
		List<Route> api = HandlerRoutes.of(mapping)
			.stream()
			.filter(route -> route.pattern().getPatternString().startsWith("/ghost/api/content/"))
			.toList();
		Visitor visitor = new Visitor(port);
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Route route : api) {
			List<String> paths = new ArrayList<>();
			for (String variable : route.pathVariables()) {
				for (BadValue bad : BadValue.values()) {
					paths.add(route.expand(Map.of(variable, bad.encoded())) + "?key=" + key);
				}
			}
			for (String parameter : CONTENT_API_PARAMETERS) {
				for (BadValue bad : BadValue.values()) {
					String query = parameter.equals("key") ? "key=" + bad.encoded()
							: "key=" + key + "&" + parameter + "=" + bad.encoded();
					paths.add(route.expand(Map.of()) + "?" + query);
				}
			}
			for (String path : paths) {
				int status = visitor.get(path).status();
				sent++;
				if (status >= 500) {
					failures.add(route + " " + path.substring(0, Math.min(path.length(), 200)) + ": " + status);
				}
			}
		}
		assertThat(api).as("Content API routes").hasSizeGreaterThan(10);
		assertThat(failures).as("server errors of %d requests", sent).isEmpty();
	}

	/**
	 * Ghost's Admin API reads its parameters and JSON bodies itself, and refuses a call
	 * without a token first, so here every bad value goes into every path variable, every
	 * parameter Ghost's clients send and every field of every body of every Admin API
	 * route (any method) with an editor integration's valid token (an administrator's for
	 * members, which editors may not change). Ids not under test name nothing, so no
	 * request deletes a real article, and a member body names an address that is taken,
	 * so no request adds a member.
	 */
	@Test
	void noBadValueInAnyAdminApiParameterOrBodyAnswersAServerError() throws Exception {
		String editorKey = integrations.create(0, "bad input admin", MemberRole.EDITOR).adminKey();
		String administratorKey = integrations.create(0, "bad input members", MemberRole.ADMINISTRATOR).adminKey();
		String taken = MemberFixtures.reader(directory, "bad-input-taken");
		List<Route> api = Stream.concat(HandlerRoutes.of(mapping).stream(), ADMIN_API_WRITES.stream())
			.filter(route -> route.pattern().getPatternString().startsWith("/ghost/api/admin/"))
			.toList();
		HttpClient http = HttpClient.newHttpClient();
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Route route : api) {
			Map<String, String> nothing = new LinkedHashMap<>();
			route.pathVariables().forEach(variable -> nothing.put(variable, "999999999"));
			List<Map.Entry<String, byte[]>> requests = new ArrayList<>();
			for (String variable : route.pathVariables()) {
				for (BadValue bad : BadValue.values()) {
					Map<String, String> changed = new LinkedHashMap<>(nothing);
					changed.put(variable, bad.encoded());
					requests.add(Map.entry(route.expand(changed), new byte[0]));
				}
			}
			for (String parameter : ADMIN_API_PARAMETERS) {
				for (BadValue bad : BadValue.values()) {
					requests.add(Map.entry(route.expand(nothing) + "?" + parameter + "=" + bad.encoded(), new byte[0]));
				}
			}
			boolean members = route.pattern().getPatternString().contains("/members");
			if (!route.method().equals("GET") && !route.method().equals("DELETE")) {
				for (String field : members ? ADMIN_API_MEMBER_FIELDS : ADMIN_API_FIELDS) {
					for (BadValue bad : BadValue.values()) {
						String start = members ? "{\"members\":[{\"email\":\"" + taken + "\","
								: "{\"" + (route.pattern().getPatternString().contains("/tags/") ? "tags" : "posts")
										+ "\":[{\"title\":\"t\",\"updated_at\":\"2020-01-01T00:00:00.000Z\",";
						requests.add(Map.entry(route.expand(nothing),
								concat(start + "\"" + field + "\":\"", decoded(bad), "\"}]}")));
					}
				}
				for (BadValue bad : BadValue.values()) {
					requests.add(Map.entry(route.expand(nothing), decoded(bad)));
				}
			}
			for (Map.Entry<String, byte[]> request : requests) {
				HttpResponse<String> response = http.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + request.getKey()))
					.header("Authorization",
							"Ghost " + AdminApiTokens.token(members ? administratorKey : editorKey, clock.instant()))
					.header("Content-Type", "application/json")
					.method(route.method(), HttpRequest.BodyPublishers.ofByteArray(request.getValue()))
					.build(), HttpResponse.BodyHandlers.ofString());
				sent++;
				if (response.statusCode() >= 500) {
					String body = new String(request.getValue(), StandardCharsets.UTF_8);
					failures.add(route + " " + request.getKey().substring(0, Math.min(request.getKey().length(), 200))
							+ " " + body.substring(0, Math.min(body.length(), 200)) + ": " + response.statusCode());
				}
			}
		}
		assertThat(api).as("Admin API routes").hasSizeGreaterThan(10);
		assertThat(failures).as("server errors of %d requests", sent).isEmpty();
	}

	/** A bad value's bytes as they go into a JSON body (not percent-encoded there). */
	private static byte[] decoded(BadValue bad) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		String text = bad.encoded();
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '%') {
				bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				bytes.write(text.charAt(i));
			}
		}
		return bytes.toByteArray();
	}

	private static byte[] concat(String before, byte[] middle, String after) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes(middle);
		bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
		return bytes.toByteArray();
	}

	/**
	 * Where crawling starts: {@code first}, then every page route without path variables.
	 */
	private static List<String> starts(List<Route> routes, String first) {
		Set<String> starts = new LinkedHashSet<>(List.of(first));
		routes.stream()
			.filter(route -> route.method().equals("GET") && route.pathVariables().isEmpty())
			.forEach(route -> starts.add(route.pattern().getPatternString()));
		return List.copyOf(starts);
	}

	/**
	 * The requests that send each bad value in each path variable and each parameter of
	 * {@code route} as {@code caller}, with real ids, the route's form (its address and
	 * other fields) and its query parameters as found on {@code site}.
	 */
	private static List<Probe> probes(Route route, Caller caller, SiteCrawl site, List<Route> routes) {
		boolean post = route.method().equals("POST");
		Optional<Form> form = post ? site.formFor(route) : Optional.empty();
		Map<String, String> variables = form.map(f -> variables(route.pattern(), SiteCrawl.path(f.action())))
			.orElseGet(() -> realIds(route, site, routes));
		List<Map.Entry<String, String>> fields = form.map(Form::fields)
			.orElse(List.of())
			.stream()
			.filter(field -> !field.getKey().equals("_csrf"))
			.map(field -> Map.entry(encode(field.getKey()), encode(field.getValue())))
			.toList();
		Set<String> parameters = new LinkedHashSet<>(route.parameters());
		parameters.addAll(post ? form.map(Form::names).orElse(List.of()) : site.queryParameters(route));
		parameters.remove("_csrf");

		List<Probe> probes = new ArrayList<>();
		for (String variable : route.pathVariables()) {
			for (BadValue bad : BadValue.values()) {
				Map<String, String> changed = new LinkedHashMap<>(variables);
				changed.put(variable, bad.encoded());
				probes
					.add(new Probe(caller, route, "{" + variable + "} = " + bad, route.expand(changed), fields, post));
			}
		}
		String path = route.expand(variables);
		for (String parameter : parameters) {
			for (BadValue bad : BadValue.values()) {
				probes.add(new Probe(caller, route, parameter + " = " + bad, path,
						with(fields, encode(parameter), bad.encoded()), post));
			}
		}
		if (post) {
			String parameter = parameters.isEmpty() ? "text" : parameters.iterator().next();
			probes.add(new Probe(caller, route, parameter + " = one megabyte", path,
					with(fields, encode(parameter), BadValue.ONE_MEGABYTE), true));
		}
		return probes;
	}

	private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String name,
			String value) {
		List<Map.Entry<String, String>> changed = new ArrayList<>(
				fields.stream().filter(field -> !field.getKey().equals(name)).toList());
		changed.add(Map.entry(name, value));
		return changed;
	}

	/**
	 * A real value for each path variable of {@code route}: from a crawled address the
	 * pattern matches, else from the longest leading part of the pattern that one matches
	 * ({@code /admin/articles/{id}} for {@code /admin/articles/{id}/publish}), but never
	 * from an address a more specific route answers ({@code /admin/articles/new} holds no
	 * article id); {@code 1} where nothing matches.
	 */
	private static Map<String, String> realIds(Route route, SiteCrawl crawl, List<Route> routes) {
		Map<String, String> variables = new LinkedHashMap<>();
		String pattern = route.pattern().getPatternString();
		while (pattern.contains("{")) {
			PathPattern prefix = PathPatternParser.defaultInstance.parse(pattern);
			for (String link : crawl.links()) {
				String path = SiteCrawl.path(link);
				PathPattern.PathMatchInfo match = prefix.matchAndExtract(PathContainer.parsePath(path));
				if (match != null && !answeredByMoreSpecific(path, prefix, routes)) {
					match.getUriVariables().forEach((name, value) -> variables.putIfAbsent(name, encode(value)));
					break;
				}
			}
			pattern = pattern.substring(0, pattern.lastIndexOf('/'));
		}
		return variables;
	}

	private static boolean answeredByMoreSpecific(String path, PathPattern pattern, List<Route> routes) {
		return SiteCrawl.mostSpecific(routes, path)
			.map(Route::pattern)
			.filter(answering -> !answering.getPatternString().equals(pattern.getPatternString()))
			.filter(answering -> PathPattern.SPECIFICITY_COMPARATOR.compare(answering, pattern) < 0)
			.isPresent();
	}

	private static Map<String, String> variables(PathPattern pattern, String path) {
		Map<String, String> variables = new LinkedHashMap<>();
		PathPattern.PathMatchInfo match = pattern.matchAndExtract(PathContainer.parsePath(path));
		if (match != null) {
			match.getUriVariables().forEach((name, value) -> variables.put(name, encode(value)));
		}
		return variables;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static List<Outcome> run(ExecutorService threads, List<Probe> probes) throws Exception {
		List<Future<Outcome>> sent = new ArrayList<>();
		probes.forEach(probe -> sent.add(threads.submit(probe::send)));
		List<Outcome> outcomes = new ArrayList<>();
		for (Future<Outcome> outcome : sent) {
			outcomes.add(outcome.get());
		}
		return outcomes;
	}

	/**
	 * One request: a bad value in one place of one route, from one caller; fields are
	 * percent-encoded.
	 */
	record Probe(Caller caller, Route route, String what, String path, List<Map.Entry<String, String>> fields,
			boolean post) {

		Outcome send() {
			String encoded = fields.stream().map(f -> f.getKey() + "=" + f.getValue()).collect(Collectors.joining("&"));
			try {
				Visitor.Page page = post ? caller.visitor.postEncoded(path, caller.csrfField() + encoded)
						: caller.visitor.get(encoded.isEmpty() ? path : path + "?" + encoded);
				return new Outcome(caller.name, route, what, page.status(), null);
			}
			catch (UncheckedIOException ex) {
				return new Outcome(caller.name, route, what, 0, ex.getCause().getMessage());
			}
		}

	}

	/** What one probe got back: a status, or the reason there was no (whole) answer. */
	record Outcome(String who, Route route, String what, int status, @Nullable String broken) {

		boolean failed() {
			return status >= 500 || broken != null;
		}

		@Override
		public String toString() {
			return route + " as " + who + ", " + what + ": " + (broken != null ? "no answer (" + broken + ")" : status);
		}

	}

	/**
	 * A visitor and the CSRF token of its session, read from a page of that session. A
	 * signed-in caller checks after each route that its session still stands (a route may
	 * end it: signing out everywhere) and signs in again if not, so that one route cannot
	 * turn the rest of the test anonymous.
	 */
	static final class Caller {

		final String name;

		final Visitor visitor;

		private final @Nullable String email;

		private final String ownPage;

		private volatile String token = "";

		private Caller(String name, Visitor visitor, @Nullable String email, String ownPage) {
			this.name = name;
			this.visitor = visitor;
			this.email = email;
			this.ownPage = ownPage;
		}

		static Caller anonymous(int port) {
			Caller caller = new Caller("anonymous", new Visitor(port), null, "/login");
			caller.readToken();
			return caller;
		}

		static Caller signedIn(int port, String name, String email, String ownPage) {
			Caller caller = new Caller(name, new Visitor(port), email, ownPage);
			caller.signIn();
			return caller;
		}

		String csrfField() {
			return "_csrf=" + encode(token) + "&";
		}

		void stayOrSignInAgain() {
			if (email != null && visitor.get(ownPage).status() != 200) {
				signIn();
			}
		}

		private void signIn() {
			assertThat(visitor.signIn(email, "demo-password").status()).as("%s signs in", email).isEqualTo(302);
			readToken();
		}

		private void readToken() {
			Visitor.Page page = visitor.get(ownPage);
			assertThat(page.status()).as("%s opens %s", name, ownPage).isEqualTo(200);
			token = page.document().select("input[name=_csrf]").attr("value");
			assertThat(token).as("the CSRF token on %s", ownPage).isNotEmpty();
		}

	}

}
