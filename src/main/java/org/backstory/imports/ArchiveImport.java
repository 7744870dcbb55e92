package org.backstory.imports;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.backstory.billing.MemberBillingQueries;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleDesk;
import org.backstory.publishing.BodyPreviews;
import org.backstory.shared.Dates;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing a Ghost or Substack archive in two steps: {@link #check} reads the upload,
 * lists what every post will become and every problem, and keeps the file for an hour;
 * {@link #confirm} imports all of it in one transaction, or nothing.
 */
@Service
public class ArchiveImport {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ArchiveChecks checks;

	private final ArchiveWriter writer;

	private final PendingArchives pending;

	private final ImportedItems items;

	private final ArticleImporter articles;

	private final ArticleDesk desk;

	private final MemberBillingQueries billing;

	private final MemberDirectory directory;

	private final Clock clock;

	private final BodyPreviews previews;

	ArchiveImport(ArchiveChecks checks, ArchiveWriter writer, PendingArchives pending, ImportedItems items,
			ArticleImporter articles, ArticleDesk desk, MemberBillingQueries billing, MemberDirectory directory,
			Clock clock, BodyPreviews previews) {
		this.previews = previews;
		this.checks = checks;
		this.writer = writer;
		this.pending = pending;
		this.items = items;
		this.articles = articles;
		this.desk = desk;
		this.billing = billing;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * A checked archive.
	 *
	 * @param id what {@link #confirm} takes, or null when the archive cannot be imported
	 * @param plan what the archive holds and every problem found
	 * @param posts one line per post: what it will become
	 * @param newSubscribers how many subscribers are not yet imported
	 */
	public record DryRun(@Nullable String id, ArchivePlan plan, List<PostLine> posts, long newSubscribers) {
	}

	/**
	 * What one post will become.
	 *
	 * @param post the post as read
	 * @param slug the slug it will have here (another article may have its old one)
	 * @param authors the byline as it will read, each author marked as a staff member or
	 * a new byline
	 * @param paywall where readers without access stop: the whole article is free, the
	 * marker, or the capped opening
	 * @param imported whether it was imported before (then it is skipped)
	 */
	public record PostLine(PlannedPost post, String slug, String authors, String paywall, boolean imported) {

		/** The publication time as staff read it, or empty for a draft. */
		public String publishedAt() {
			return post.publishedAt() == null ? "" : Dates.sortableMinute(post.publishedAt());
		}

		/** Who may read all of it: public, members, paid, or the tiers. */
		public String visibility() {
			String level = post.visibility().level().name().toLowerCase(Locale.ROOT);
			return post.visibility().tiers().isEmpty() ? level
					: level + ": " + String.join(", ", post.visibility().tiers().stream().sorted().toList());
		}

		/** The tags' names, in order. */
		public String tags() {
			return post.tags().stream().map(PlannedPost.PlannedTag::name).collect(Collectors.joining(", "));
		}

	}

	/** The outcome of a confirmation. */
	public sealed interface Outcome {

		/**
		 * Done.
		 *
		 * @param articles articles imported
		 * @param skippedArticles posts imported before, skipped
		 * @param imagesCopied feature and social images copied into the media library
		 * @param keptAsLinks images that could not be fetched, kept as links
		 * @param members members imported
		 * @param comps of them comped (paid on the old platform)
		 * @param existingMembers subscribers whose address already had an account here,
		 * left alone
		 * @param subscriptions subscriptions restored from Backstory's own export
		 * @param payments payments restored from it
		 * @param cardNeeded restored paid subscriptions whose members must add a card
		 * here
		 */
		record Imported(ImportSource source, int articles, int skippedArticles, int imagesCopied,
				List<String> keptAsLinks, int members, int comps, int existingMembers, int subscriptions, int payments,
				long cardNeeded) implements Outcome {

			public Imported {
				keptAsLinks = List.copyOf(keptAsLinks);
			}

		}

		/**
		 * Nothing imported: the archive no longer passes its checks, or a write was
		 * refused.
		 */
		record Refused(ArchivePlan plan) implements Outcome {
		}

		/**
		 * Nothing imported: a write was refused midway and everything was rolled back;
		 * the reason says why.
		 */
		record Failed(String reason) implements Outcome {
		}

		/**
		 * Nothing imported: no checked archive has this id for this staff member
		 * (expired, or already imported).
		 */
		record Unknown() implements Outcome {
		}

	}

	/** Reads and checks the upload; keeps an importable archive for {@link #confirm}. */
	@Transactional
	public DryRun check(long staffId, String fileName, byte[] bytes) {
		String name = fileName.isBlank() ? "the upload"
				: fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
		ArchivePlan plan = checks.check(staffId, name, bytes);
		Set<String> imported = items
			.imported(plan.source(), ImportedItems.Kind.ARTICLE,
					plan.posts().stream().map(PlannedPost::sourceKey).toList())
			.keySet();
		Set<String> importedMembers = items
			.imported(plan.source(), ImportedItems.Kind.MEMBER,
					plan.subscribers().stream().map(s -> s.email().toLowerCase(Locale.ROOT)).toList())
			.keySet();
		List<PostLine> lines = plan.posts()
			.stream()
			.map(post -> new PostLine(post,
					imported.contains(post.sourceKey()) ? post.slug() : articles.freeSlug(post.slug()), byline(post),
					paywall(post), imported.contains(post.sourceKey())))
			.toList();
		long newSubscribers = plan.subscribers().size() - importedMembers.size();
		if (!plan.importable()) {
			return new DryRun(null, plan, lines, newSubscribers);
		}
		String id = HexFormat.of().formatHex(randomBytes());
		pending.save(id, staffId, new PendingArchives.Pending(name, bytes), clock.instant());
		return new DryRun(id, plan, lines, newSubscribers);
	}

	/**
	 * Imports the checked archive: every post and subscriber not imported before, in one
	 * transaction.
	 */
	public Outcome confirm(SignedInMember staff, String id) {
		try {
			return writer.write(staff, id);
		}
		catch (IllegalArgumentException | IllegalStateException | DataIntegrityViolationException ex) {
			// An article the editor refused, a comp billing refused, a key taken
			// meanwhile. The transaction rolled back: nothing of the archive was written,
			// and it can be uploaded again.
			return new Outcome.Failed(ex.getMessage() == null ? "a write was refused" : ex.getMessage());
		}
	}

	/**
	 * Members who must put a card on file here: those who paid on another platform and
	 * are comped until their paid period ends there (and must cancel the old
	 * subscription), and those whose paid subscription was restored from Backstory's own
	 * export, whose renewal asks for a card.
	 */
	@Transactional(readOnly = true)
	public List<CardNeededLine> cardNeeded() {
		List<MemberBillingQueries.CardNeeded> flagged = billing.cardNeeded();
		Map<Long, MemberProfile> profiles = directory
			.profiles(flagged.stream().map(MemberBillingQueries.CardNeeded::memberId).collect(Collectors.toSet()));
		return flagged.stream()
			.filter(f -> profiles.containsKey(f.memberId()))
			.map(f -> new CardNeededLine(f.memberId(), profiles.get(f.memberId()).email(), f.from(), f.compEnds(),
					f.comped()))
			.toList();
	}

	/**
	 * A member who must move to a card: comped for a subscription paid on another
	 * platform, or with a paid subscription restored from Backstory's own export without
	 * its card.
	 *
	 * @param compEnds when the comp (their paid period elsewhere) or the restored period
	 * ends, or null for no end
	 * @param comped whether it is a comp
	 */
	public record CardNeededLine(long memberId, String email, String from, @Nullable Instant compEnds, boolean comped) {
	}

	private String byline(PlannedPost post) {
		if (post.authors().isEmpty()) {
			return "you (Substack's export names no author)";
		}
		return post.authors()
			.stream()
			.map(author -> author.name()
					+ (articles.staffWithEmail(author.email()).isPresent() ? " (staff)" : " (new byline, no sign-in)"))
			.collect(Collectors.joining(", "));
	}

	private String paywall(PlannedPost post) {
		if (!post.visibility().gated()) {
			return "free to read";
		}
		if (post.text().formatted()) {
			return post.marker() ? "house format: at the paywall marker" : "house format: after the background";
		}
		if (post.marker()) {
			return "paywall marker";
		}
		return previews.paywallWarning(post.text(), true) == null ? "no marker: the opening paragraphs"
				: "no marker: capped preview";
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
