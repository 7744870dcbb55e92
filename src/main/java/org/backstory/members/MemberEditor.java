package org.backstory.members;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.backstory.members.account.MemberNames;
import org.backstory.shared.StaffActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff adding a member and changing one's address, name, note and labels in one go, as
 * Ghost's Admin API does ({@code members.add}, {@code members.edit}). The member page's
 * single changes stay in {@link MemberRoster}; both record each change with
 * {@link StaffActions} in its transaction and announce it with the same events.
 */
@Service
public class MemberEditor {

	private static final Logger log = LoggerFactory.getLogger(MemberEditor.class);

	private final MemberRoster roster;

	private final RosterWrites writes;

	private final StaffActions staffActions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	MemberEditor(MemberRoster roster, RosterWrites writes, StaffActions staffActions, Clock clock,
			ApplicationEventPublisher events) {
		this.roster = roster;
		this.writes = writes;
		this.staffActions = staffActions;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Adds a member on staff's say (the Admin API's {@code members.add}): no password and
	 * no mail, the address counted as confirmed (the publication vouches for it, as for
	 * an import), with staff's note and labels. Recorded, and announced as
	 * {@link MemberRegistered} once note and labels are in, so the default newsletters
	 * and the {@code member.added} webhook see the member whole.
	 * @return the new member's id, or empty when the address already belongs to an
	 * account
	 * @throws IllegalArgumentException when the address, name, note or a label breaks the
	 * rules
	 */
	@Transactional
	public Optional<Long> add(long staffId, ImportedMember member) {
		check(member.email(), member.name(), member.note(), member.labels());
		if (!writes.takenEmails(List.of(member.email())).isEmpty()) {
			return Optional.empty();
		}
		long id = writes.insertAll(List.of(member), clock.instant()).get(member.email().toLowerCase(Locale.ROOT));
		staffActions.record(staffId, "member.added", subject(id), member.labels().size() + " labels");
		events.publishEvent(new MemberRegistered(id));
		log.info("Member added by staff memberId={} staffId={}", id, staffId);
		return Optional.of(id);
	}

	/**
	 * Changes a reader's address, name, note and labels at once (the Admin API's
	 * {@code members.edit}): each change recorded as the member page records it, and one
	 * {@link MemberEdited} when anything changed. A new address counts as confirmed, as
	 * for {@link #add}.
	 * @return whether anything changed
	 * @throws IllegalArgumentException when a value breaks the rules or the address
	 * belongs to another account
	 * @throws IllegalStateException for a staff account, which is managed with the staff
	 */
	@Transactional
	public boolean edit(long staffId, long memberId, MemberChanges changes) {
		MemberListing member = roster.find(memberId).orElseThrow();
		if (member.role().staff()) {
			throw new IllegalStateException("staff accounts are not edited as members");
		}
		String email = changes.email() == null ? member.email() : changes.email().strip();
		String name = changes.name() == null ? member.name() : MemberNames.normalize(changes.name());
		String note = changes.note() == null ? member.note() : changes.note().strip();
		List<String> labels = changes.labels() == null ? member.labels()
				: changes.labels().stream().map(String::strip).distinct().toList();
		check(email, name, note, labels);
		Instant now = clock.instant();
		List<String> changed = new ArrayList<>();
		if (!email.equals(member.email())) {
			if (!email.equalsIgnoreCase(member.email()) && !writes.takenEmails(List.of(email)).isEmpty()) {
				throw new IllegalArgumentException("Member already exists: another account has this address.");
			}
			changed.add("email");
		}
		if (!name.equals(member.name())) {
			changed.add("name");
		}
		if (!changed.isEmpty()) {
			writes.changeProfile(memberId, email, name, !email.equalsIgnoreCase(member.email()), now);
			staffActions.record(staffId, "member.edited", subject(memberId), String.join(", ", changed));
		}
		boolean edited = !changed.isEmpty();
		if (!note.equals(member.note())) {
			writes.changeNote(memberId, note, now);
			staffActions.record(staffId, "member.note-changed", subject(memberId), note.length() + " characters");
			edited = true;
		}
		for (String label : member.labels()) {
			if (!labels.contains(label) && writes.removeLabel(memberId, label)) {
				staffActions.record(staffId, "member.unlabelled", subject(memberId), label);
				edited = true;
			}
		}
		for (String label : labels) {
			if (writes.addLabel(memberId, label)) {
				staffActions.record(staffId, "member.labelled", subject(memberId), label);
				edited = true;
			}
		}
		if (edited) {
			events.publishEvent(new MemberEdited(memberId));
		}
		return edited;
	}

	private static void check(String email, String name, String note, List<String> labels) {
		Optional<String> problem = MemberRoster.emailProblem(email)
			.or(() -> MemberRoster.nameProblem(name))
			.or(() -> noteProblem(note))
			.or(() -> labels.stream().map(MemberRoster::labelProblem).flatMap(Optional::stream).findFirst());
		problem.ifPresent(sentence -> {
			throw new IllegalArgumentException(sentence);
		});
	}

	private static Optional<String> noteProblem(String note) {
		if (note.length() > MemberRoster.NOTE_MAX_LENGTH) {
			return Optional.of("The note is too long (at most " + MemberRoster.NOTE_MAX_LENGTH + " characters).");
		}
		if (note.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			return Optional.of("A note has no control characters.");
		}
		return Optional.empty();
	}

	private static String subject(long memberId) {
		return "member " + memberId;
	}

}
