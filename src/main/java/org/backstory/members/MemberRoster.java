package org.backstory.members;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.backstory.members.account.AccountSettings;
import org.backstory.members.account.EmailAddresses;
import org.backstory.members.account.MemberNames;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members as staff see them: the filtered list (keyset-paged, or streamed for an
 * export), staff's notes and labels, deleting a member, and importing many at once. Every
 * change is recorded with {@link StaffActions} in its transaction.
 */
@Service
public class MemberRoster {

	/** The longest note staff may keep on a member. */
	public static final int NOTE_MAX_LENGTH = 2000;

	/** The longest label. */
	public static final int LABEL_MAX_LENGTH = 100;

	private static final int STREAM_CHUNK = 1000;

	private static final Logger log = LoggerFactory.getLogger(MemberRoster.class);

	private final RosterQueries queries;

	private final RosterWrites writes;

	private final AccountSettings accounts;

	private final FindByIndexNameSessionRepository<?> sessions;

	private final StaffActions staffActions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	MemberRoster(RosterQueries queries, RosterWrites writes, AccountSettings accounts,
			FindByIndexNameSessionRepository<?> sessions, StaffActions staffActions, Clock clock,
			ApplicationEventPublisher events) {
		this.queries = queries;
		this.writes = writes;
		this.accounts = accounts;
		this.sessions = sessions;
		this.staffActions = staffActions;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Up to {@code size} members matching the filter, newest first, after {@code after}
	 * (null: from the top).
	 */
	@Transactional(readOnly = true)
	public List<MemberListing> page(MemberFilter filter, @Nullable MemberCursor after, int size) {
		return queries.page(filter, after, size, false);
	}

	/**
	 * The same page in either order of joining: {@code oldestFirst} pages from the first
	 * member who joined, {@code after} then being the last one shown.
	 */
	@Transactional(readOnly = true)
	public List<MemberListing> page(MemberFilter filter, @Nullable MemberCursor after, int size, boolean oldestFirst) {
		return queries.page(filter, after, size, oldestFirst);
	}

	/**
	 * Up to {@code size} members matching the filter in {@code order}, after
	 * {@code after} (null: from the top), the member's id breaking ties.
	 * @throws IllegalArgumentException if {@code after} is not a position in this order
	 */
	@Transactional(readOnly = true)
	public List<MemberListing> page(MemberFilter filter, RosterOrder order, boolean descending,
			@Nullable RosterCursor after, int size) {
		return queries.page(filter, order, descending, after, size);
	}

	/** The position just after {@code member} in a list in {@code order}. */
	@Transactional(readOnly = true)
	public RosterCursor cursorAt(RosterOrder order, MemberListing member) {
		return queries.cursorAt(order, member);
	}

	/**
	 * Hands every member matching the filter to {@code chunk}, newest first, a thousand
	 * at a time, so an export of any size holds one chunk in memory (and the caller can
	 * fetch other modules' facts for a chunk in one query).
	 */
	public void forEachChunk(MemberFilter filter, Consumer<List<MemberListing>> chunk) {
		MemberCursor after = null;
		List<MemberListing> page;
		do {
			page = queries.page(filter, after, STREAM_CHUNK, false);
			if (!page.isEmpty()) {
				chunk.accept(page);
				after = page.get(page.size() - 1).cursor();
			}
		}
		while (page.size() == STREAM_CHUNK);
	}

	/** The member with this id as staff see them. */
	@Transactional(readOnly = true)
	public Optional<MemberListing> find(long memberId) {
		return queries.page(new MemberFilter("", null, null, null, Set.of(memberId), Set.of(), null), null, 1, false)
			.stream()
			.findFirst();
	}

	/** Every label in use, sorted. */
	public List<String> labels() {
		return queries.allLabels();
	}

	/** Why a label may not be used, or empty when it may. */
	public static Optional<String> labelProblem(String label) {
		if (label.isBlank()) {
			return Optional.of("Enter a label.");
		}
		if (label.strip().length() > LABEL_MAX_LENGTH
				|| label.chars().anyMatch(c -> c == ',' || Character.isISOControl(c))) {
			return Optional.of("A label has at most " + LABEL_MAX_LENGTH
					+ " characters, and no commas (exports list labels with commas).");
		}
		return Optional.empty();
	}

	/** Why an address cannot be a member's, or empty when it can. */
	public static Optional<String> emailProblem(String email) {
		return EmailAddresses.problem(email);
	}

	/**
	 * A name for a member who came without one (Ghost and Substack lists often have none,
	 * Backstory needs one): the part of the address before the {@code @}, at most 100
	 * characters.
	 */
	public static String nameFromAddress(String email) {
		String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
		return local.length() > MemberNames.MAX_LENGTH ? local.substring(0, MemberNames.MAX_LENGTH) : local;
	}

	/** Why a name cannot be a member's, or empty when it can. */
	public static Optional<String> nameProblem(String name) {
		return MemberNames.problem(name);
	}

	/** Replaces staff's note on a member; whether the member exists. */
	@Transactional
	public boolean changeNote(long staffId, long memberId, String note) {
		if (note.length() > NOTE_MAX_LENGTH) {
			throw new IllegalArgumentException("note too long");
		}
		boolean changed = writes.changeNote(memberId, note, clock.instant());
		if (changed) {
			staffActions.record(staffId, "member.note-changed", subject(memberId), note.length() + " characters");
			events.publishEvent(new MemberEdited(memberId));
		}
		return changed;
	}

	/**
	 * Puts a label on a member (checked with {@link #labelProblem}); whether it was new.
	 */
	@Transactional
	public boolean addLabel(long staffId, long memberId, String label) {
		labelProblem(label).ifPresent(problem -> {
			throw new IllegalArgumentException(problem);
		});
		boolean added = writes.addLabel(memberId, label.strip());
		if (added) {
			staffActions.record(staffId, "member.labelled", subject(memberId), label.strip());
			events.publishEvent(new MemberEdited(memberId));
		}
		return added;
	}

	/** Takes a label off a member; whether it was there. */
	@Transactional
	public boolean removeLabel(long staffId, long memberId, String label) {
		boolean removed = writes.removeLabel(memberId, label);
		if (removed) {
			staffActions.record(staffId, "member.unlabelled", subject(memberId), label);
			events.publishEvent(new MemberEdited(memberId));
		}
		return removed;
	}

	/**
	 * Deletes a reader's account and personal data on staff's say, as the reader's own
	 * deletion does (other modules drop their rows on {@link MemberDeleted} in this
	 * transaction), and ends their sessions.
	 * @throws IllegalStateException for a staff account, which is managed with the staff
	 */
	@Transactional
	public void delete(long staffId, long memberId) {
		MemberListing member = find(memberId).orElseThrow();
		if (member.role().staff()) {
			throw new IllegalStateException("staff accounts are not deleted from the member list");
		}
		staffActions.record(staffId, "member.deleted", subject(memberId), "");
		accounts.erase(memberId);
		sessions.findByPrincipalName(Long.toString(memberId)).keySet().forEach(sessions::deleteById);
		log.info("Member deleted by staff memberId={} staffId={}", memberId, staffId);
	}

	/** The lower-case addresses among these that already belong to an account. */
	@Transactional(readOnly = true)
	public Set<String> takenEmails(Collection<String> emails) {
		return writes.takenEmails(emails);
	}

	/**
	 * Creates the members without passwords (they sign in by emailed link) and without
	 * mail, with their labels and sign-up times and their addresses counted as confirmed
	 * (the publication vouches for the list it imports, so newsletters reach them), in
	 * the caller's transaction, with one statement per table however many there are. An
	 * import is not a sign-up: no {@link MemberRegistered} is published, so the caller
	 * opts the members into newsletters itself. Call {@link #takenEmails} first: a taken
	 * address fails the whole import.
	 * @return the new members' ids by lower-case address
	 */
	@Transactional
	public Map<String, Long> importAll(List<ImportedMember> members) {
		Map<String, Long> ids = writes.insertAll(members, clock.instant());
		log.info("Members imported count={}", members.size());
		return ids;
	}

	/**
	 * Records the article each member was reading when they signed up (the dashboard's
	 * top articles by sign-ups), for members created by {@link #importAll} whose history
	 * says so, as the demo's does.
	 */
	@Transactional
	public void attributeSignups(Map<Long, Long> articleByMember) {
		if (!articleByMember.isEmpty()) {
			writes.attributeSignups(articleByMember);
		}
	}

	private static String subject(long memberId) {
		return "member " + memberId;
	}

}
