package org.backstory;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.backstory.HandlerRoutes.Route;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * What one visitor finds by following the links of the pages it may open, from a few
 * starting pages: the addresses the site links to (so a test can fill a route's path
 * variables with a real id of the right kind, and knows the query parameters of its
 * pages), and the forms it offers, with the values a browser would send (so a test can
 * reach a handler past the fields it does not change). Each route is visited at most
 * {@link #VISITS_PER_ROUTE} times, so a site with a thousand articles is crawled as fast
 * as one with three.
 */
final class SiteCrawl {

	static final int VISITS_PER_ROUTE = 2;

	/**
	 * A form as a browser would submit it untouched.
	 *
	 * @param action the address it posts to
	 * @param fields its fields with their current values, in order
	 */
	record Form(String action, List<Map.Entry<String, String>> fields) {

		List<String> names() {
			return fields.stream().map(Map.Entry::getKey).distinct().toList();
		}

	}

	private final Set<String> links = new LinkedHashSet<>();

	private final Map<String, Form> forms = new LinkedHashMap<>();

	private SiteCrawl() {
	}

	/**
	 * Crawls from {@code starts} as {@code visitor}, opening only pages that one of the
	 * GET {@code routes} answers.
	 */
	static SiteCrawl of(Visitor visitor, List<String> starts, List<Route> routes) {
		SiteCrawl crawl = new SiteCrawl();
		List<Route> pages = routes.stream().filter(route -> route.method().equals("GET")).toList();
		Map<Route, Integer> visits = new HashMap<>();
		Deque<String> queue = new ArrayDeque<>(starts);
		Set<String> seen = new LinkedHashSet<>(starts);
		while (!queue.isEmpty()) {
			String url = queue.poll();
			Optional<Route> route = mostSpecific(pages, path(url));
			if (route.isEmpty() || visits.merge(route.get(), 1, Integer::sum) > VISITS_PER_ROUTE) {
				continue;
			}
			Visitor.Page page = visitor.get(url);
			if (page.status() != 200 || !page.header("Content-Type").startsWith("text/html")) {
				continue;
			}
			Document document = page.document();
			for (Element link : document.select("a[href]")) {
				String href = local(link.attr("href"));
				if (href != null) {
					crawl.links.add(href);
					if (!href.equals("/logout") && seen.add(href)) {
						queue.add(href);
					}
				}
			}
			for (Element form : document.select("form")) {
				String action = local(form.attr("action").isEmpty() ? url : form.attr("action"));
				if (action == null) {
					continue;
				}
				if (form.attr("method").equalsIgnoreCase("post")) {
					crawl.links.add(action);
					crawl.forms.putIfAbsent(action, new Form(action, fields(form)));
				}
				else {
					// A search or filter form: its fields are the page's query
					// parameters.
					fields(form).forEach(field -> crawl.links.add(path(action) + "?" + encode(field.getKey()) + "="));
				}
			}
		}
		return crawl;
	}

	/** Every address seen in a link or a form's action. */
	Set<String> links() {
		return links;
	}

	/**
	 * The names of the query parameters seen in links to the GET route {@code route} and
	 * in the fields of its search forms: what a handler reading all parameters as a map
	 * looks for.
	 */
	Set<String> queryParameters(Route route) {
		Set<String> names = new LinkedHashSet<>();
		for (String link : links) {
			int query = link.indexOf('?');
			if (query >= 0 && route.pattern().matches(PathContainer.parsePath(path(link)))) {
				for (String pair : link.substring(query + 1).split("&")) {
					String name = pair.split("=", 2)[0];
					if (!name.isEmpty()) {
						names.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
					}
				}
			}
		}
		return names;
	}

	/** The first form seen whose action the POST route {@code route} answers. */
	Optional<Form> formFor(Route route) {
		return forms.values()
			.stream()
			.filter(form -> route.pattern().matches(PathContainer.parsePath(path(form.action()))))
			.findFirst();
	}

	/**
	 * The route among {@code routes} that would answer {@code path}: the most specific
	 * whose pattern matches.
	 */
	static Optional<Route> mostSpecific(List<Route> routes, String path) {
		PathContainer container = PathContainer.parsePath(path);
		return routes.stream()
			.filter(route -> route.pattern().matches(container))
			.min((a, b) -> PathPattern.SPECIFICITY_COMPARATOR.compare(a.pattern(), b.pattern()));
	}

	static String path(String url) {
		int query = url.indexOf('?');
		return query < 0 ? url : url.substring(0, query);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String local(String href) {
		String url = href.replaceFirst("^https?://(localhost|127\\.0\\.0\\.1)(:\\d+)?(?=/)", "");
		int fragment = url.indexOf('#');
		url = fragment < 0 ? url : url.substring(0, fragment);
		return url.startsWith("/") && !url.startsWith("//") ? url : null;
	}

	private static List<Map.Entry<String, String>> fields(Element form) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		for (Element field : form.select("input[name], select[name], textarea[name], button[name][value]")) {
			String name = field.attr("name");
			switch (field.tagName()) {
				case "select" -> {
					Element option = field.selectFirst("option[selected]");
					option = option != null ? option : field.selectFirst("option");
					fields.add(Map.entry(name, option == null ? "" : option.attr("value")));
				}
				case "textarea" -> fields.add(Map.entry(name, field.text()));
				case "button" -> fields.add(Map.entry(name, field.attr("value")));
				default -> {
					String type = field.attr("type").toLowerCase(Locale.ROOT);
					if ((!type.equals("checkbox") && !type.equals("radio")) || field.hasAttr("checked")) {
						fields.add(Map.entry(name, field.attr("value")));
					}
				}
			}
		}
		return fields;
	}

}
