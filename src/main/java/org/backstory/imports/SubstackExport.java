package org.backstory.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.backstory.members.MemberRoster;
import org.backstory.publishing.ArticleSeo;
import org.backstory.publishing.HouseFormat;
import org.backstory.publishing.HouseLabels;
import org.backstory.publishing.Visibility;
import org.backstory.shared.CsvReader;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Entities;

/**
 * Reads Substack's export zip: {@code posts.csv} with one {@code posts/<post_id>.html}
 * per post, and the subscriber list {@code email_list*.csv}. Threads and pages are
 * skipped and listed; a post whose HTML file is missing (Substack leaves out the newest
 * ones) is listed and skipped, as Ghost's importer does. Substack's export names no
 * author: the articles are bylined to the staff member who imports them.
 */
final class SubstackExport {

	static final List<String> POST_COLUMNS = List.of("post_id", "post_date", "is_published", "type", "audience",
			"title");

	private final Map<String, byte[]> files;

	private final Instant now;

	private final List<ImportProblem> problems = new ArrayList<>();

	/**
	 * @param files the zip's entries by path, without the folder they were in
	 */
	private SubstackExport(Map<String, byte[]> files, Instant now) {
		this.files = files;
		this.now = now;
	}

	static ArchivePlan read(Map<String, byte[]> files, Instant now) {
		return new SubstackExport(files, now).plan();
	}

	private ArchivePlan plan() {
		Optional<Table> posts = table("posts.csv", POST_COLUMNS);
		List<PlannedPost> planned = posts.map(this::posts).orElse(List.of());
		List<PlannedSubscriber> subscribers = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		files.keySet()
			.stream()
			.filter(name -> name.startsWith("email_list") && name.endsWith(".csv"))
			.sorted()
			.forEach(name -> table(name, List.of("email"))
				.ifPresent(list -> subscribers.addAll(subscribers(list, seen))));
		return new ArchivePlan(ImportSource.SUBSTACK, planned, subscribers, problems);
	}

	private List<PlannedPost> posts(Table table) {
		List<PlannedPost> posts = new ArrayList<>();
		Set<String> slugs = new HashSet<>();
		for (CsvReader.Record record : table.rows()) {
			String where = "posts.csv line " + record.line();
			String postId = table.get(record, "post_id").strip();
			String type = table.get(record, "type").strip().toLowerCase(Locale.ROOT);
			String title = ArchiveText.unescaped(table.get(record, "title"));
			if (postId.isEmpty()) {
				problems.add(ImportProblem.blocking(where, "post_id is empty."));
				continue;
			}
			if (type.equals("thread") || type.equals("page")) {
				problems.add(ImportProblem.notice(where, "A " + type + " (\"" + title + "\"): skipped."));
				continue;
			}
			String file = "posts/" + postId + ".html";
			byte[] html = files.get(file);
			if (html == null) {
				problems.add(
						ImportProblem.notice(where, "\"" + title + "\" has no file " + file + " in the zip: skipped."));
				continue;
			}
			Optional<String> text = utf8(html);
			if (text.isEmpty()) {
				problems.add(ImportProblem.blocking(file, "The file is not UTF-8 text."));
				continue;
			}
			HtmlBody.Converted body = HtmlBody.convert(text.get(), HtmlBody.Flavour.SUBSTACK);
			if (body.broken() != null) {
				problems.add(ImportProblem.blocking(file, "The post's HTML is " + body.broken() + "."));
				continue;
			}
			Boolean published = bool(table.get(record, "is_published"));
			if (published == null) {
				problems.add(ImportProblem.blocking(where,
						"is_published must be TRUE or FALSE, not \"" + table.get(record, "is_published") + "\"."));
				continue;
			}
			Instant postDate = ArchiveText.instant(table.get(record, "post_date"));
			Instant emailed = ArchiveText.instant(table.get(record, "email_sent_at"));
			PostStatus status = published
					? (postDate != null && postDate.isAfter(now) ? PostStatus.SCHEDULED : PostStatus.PUBLISHED)
					: emailed != null ? PostStatus.EMAIL_ONLY : PostStatus.DRAFT;
			Instant at = switch (status) {
				case PUBLISHED, SCHEDULED -> postDate;
				case EMAIL_ONLY -> emailed;
				case DRAFT -> null;
			};
			if (status != PostStatus.DRAFT && at == null) {
				problems.add(ImportProblem.blocking(where, "post_date \"" + table.get(record, "post_date")
						+ "\" is not a date such as 2024-03-01T09:30:00.000Z."));
				continue;
			}
			int dot = postId.indexOf('.');
			String number = dot > 0 ? postId.substring(0, dot) : postId;
			String slug = GhostExport.unique(ArchiveText.slug(dot > 0 ? postId.substring(dot + 1) : "", title, number),
					slugs);
			String podcast = table.get(record, "podcast_url").strip();
			String markdown = podcast.startsWith("https://") || podcast.startsWith("http://") ? "<p><a href=\""
					+ Entities.escape(podcast) + "\">Listen to the episode</a></p>\n\n" + body.markdown()
					: body.markdown();
			posts.add(new PlannedPost(where, number, title, slug,
					ArchiveText.dek(ArchiveText.unescaped(table.get(record, "subtitle"))),
					HouseFormat.split(markdown, HouseLabels.DEFAULTS), visibility(table.get(record, "audience")),
					status, at, List.of(), List.of(), null, ArticleSeo.none(), body.marker(), null, List.of(), false,
					null));
		}
		return posts;
	}

	private static Visibility visibility(String audience) {
		return switch (audience.strip()) {
			case "only_paid" -> Visibility.paid();
			case "only_free" -> Visibility.members();
			default -> Visibility.everyone();
		};
	}

	private List<PlannedSubscriber> subscribers(Table table, Set<String> seen) {
		List<PlannedSubscriber> subscribers = new ArrayList<>();
		for (CsvReader.Record record : table.rows()) {
			String where = table.file() + " line " + record.line();
			String email = table.get(record, "email").strip();
			if (email.toLowerCase(Locale.ROOT).endsWith("@deletion-request.substack.com")) {
				problems.add(ImportProblem.notice(where, "A deleted subscriber: skipped."));
				continue;
			}
			Optional<String> problem = email.isEmpty() ? Optional.of("the email is missing")
					: email.length() > 254 ? Optional.of("the email is too long") : MemberRoster.emailProblem(email);
			if (problem.isPresent()) {
				problems.add(ImportProblem.blocking(where, "\"" + email + "\": " + problem.get()));
				continue;
			}
			if (!seen.add(email.toLowerCase(Locale.ROOT))) {
				problems.add(ImportProblem.notice(where, email + " is listed twice: the first one counts."));
				continue;
			}
			Boolean paid = bool(table.get(record, "active_subscription"));
			Boolean disabled = bool(table.get(record, "email_disabled"));
			if (paid == null || disabled == null) {
				problems.add(
						ImportProblem.blocking(where, "active_subscription and email_disabled must be true or false."));
				continue;
			}
			Instant expiry = ArchiveText.instant(table.get(record, "expiry"));
			if (paid && expiry != null && !expiry.isAfter(now)) {
				problems.add(ImportProblem.notice(where,
						email + "'s paid subscription ended " + expiry + ": imported as a free member."));
				paid = false;
			}
			Instant joined = ArchiveText.instant(table.get(record, "created_at"));
			subscribers.add(new PlannedSubscriber(where, email, name(table.get(record, "name"), email), !disabled, paid,
					paid ? expiry : null, joined == null || joined.isAfter(now) ? null : joined));
		}
		return subscribers;
	}

	private static String name(String given, String email) {
		String name = given.strip();
		if (!name.isEmpty() && name.length() <= 100 && MemberRoster.nameProblem(name).isEmpty()) {
			return name;
		}
		String local = email.substring(0, email.indexOf('@'));
		return local.length() > 100 ? local.substring(0, 100) : local;
	}

	/**
	 * TRUE/FALSE in any case (Substack writes both), yes/no, 1/0; empty is false;
	 * anything else null.
	 */
	private static @Nullable Boolean bool(String value) {
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "", "false", "no", "0" -> false;
			case "true", "yes", "1" -> true;
			default -> null;
		};
	}

	/**
	 * A CSV file of the zip with its required columns, or empty when it is missing or
	 * broken (a problem is listed).
	 */
	private Optional<Table> table(String file, List<String> required) {
		byte[] bytes = files.get(file);
		if (bytes == null) {
			if (file.equals("posts.csv")) {
				problems.add(ImportProblem.blocking("the zip",
						"There is no posts.csv in the zip: is this Substack's export?"));
			}
			return Optional.empty();
		}
		Optional<String> text = utf8(bytes);
		if (text.isEmpty()) {
			problems.add(ImportProblem.blocking(file, "The file is not UTF-8 text."));
			return Optional.empty();
		}
		List<CsvReader.Record> records;
		try {
			records = CsvReader.parse(text.get().startsWith("\uFEFF") ? text.get().substring(1) : text.get());
		}
		catch (CsvReader.MalformedCsvException ex) {
			problems.add(ImportProblem.blocking(file + " line " + ex.line(),
					"This is not CSV: " + ex.getMessage().replaceFirst("^line \\d+: ", "") + "."));
			return Optional.empty();
		}
		if (records.isEmpty()) {
			problems.add(ImportProblem.blocking(file, "The file is empty."));
			return Optional.empty();
		}
		Map<String, Integer> columns = new HashMap<>();
		List<String> header = records.get(0).fields();
		for (int i = 0; i < header.size(); i++) {
			columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		List<String> missing = required.stream().filter(column -> !columns.containsKey(column)).toList();
		if (!missing.isEmpty()) {
			problems.add(ImportProblem.blocking(file + " line " + records.get(0).line(),
					"The column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
							+ (missing.size() > 1 ? " are" : " is") + " missing; Substack's " + file + " has "
							+ String.join(", ", required) + "."));
			return Optional.empty();
		}
		return Optional.of(new Table(file, columns, records.subList(1, records.size())));
	}

	static Optional<String> utf8(byte[] bytes) {
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A CSV file's records after its header, read by column name; a missing field is
	 * empty.
	 */
	private record Table(String file, Map<String, Integer> columns, List<CsvReader.Record> rows) {

		String get(CsvReader.Record record, String column) {
			Integer index = columns.get(column);
			return index == null || index >= record.fields().size() ? "" : record.fields().get(index);
		}

	}

}
