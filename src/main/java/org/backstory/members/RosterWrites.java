package org.backstory.members;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Staff's notes and labels, and imports written as one statement per table, whatever the
 * number of rows.
 */
@Repository
class RosterWrites {

	private final JdbcClient jdbc;

	RosterWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean changeNote(long memberId, String note, Instant now) {
		return jdbc.sql("update members.member set note = :note, updated_at = :now where id = :id")
			.param("id", memberId)
			.param("note", note)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** A new address and name; a new address counts as confirmed (staff vouch for it). */
	void changeProfile(long memberId, String email, String name, boolean newAddress, Instant now) {
		jdbc.sql("""
				update members.member set email = :email, name = :name, updated_at = :now,
				    email_verified_at = case when :newAddress then :now else email_verified_at end
				where id = :id""")
			.param("id", memberId)
			.param("email", email)
			.param("name", name)
			.param("newAddress", newAddress)
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean addLabel(long memberId, String label) {
		return jdbc.sql("insert into members.label (member_id, name) values (:id, :name) on conflict do nothing")
			.param("id", memberId)
			.param("name", label)
			.update() == 1;
	}

	boolean removeLabel(long memberId, String label) {
		return jdbc.sql("delete from members.label where member_id = :id and name = :name")
			.param("id", memberId)
			.param("name", label)
			.update() == 1;
	}

	/**
	 * Moves the members' identity sequence past the largest id, after rows were inserted
	 * with their own ids.
	 */
	void settleIds() {
		jdbc.sql("select setval(pg_get_serial_sequence('members.member', 'id'), coalesce(max(id), 0) + 1, false)"
				+ " from members.member")
			.query(Long.class)
			.single();
	}

	/** Whether no member but this one exists. */
	boolean alone(long memberId) {
		return jdbc.sql("select not exists (select 1 from members.member where id <> ?)")
			.param(memberId)
			.query(Boolean.class)
			.single();
	}

	/** Puts back a member's name, note and join time (when given) from an export. */
	void restoreProfile(long memberId, String name, String note, @Nullable Instant joinedAt, Instant now) {
		jdbc.sql(
				"""
						update members.member set name = :name, note = :note, created_at = coalesce(cast(:joined as timestamptz), created_at),
						  updated_at = :now where id = :id""")
			.param("name", name)
			.param("note", note)
			.param("joined", joinedAt == null ? null : Timestamp.from(joinedAt), java.sql.Types.TIMESTAMP)
			.param("now", Timestamp.from(now))
			.param("id", memberId)
			.update();
	}

	Set<String> takenEmails(Collection<String> emails) {
		return new HashSet<>(jdbc.sql("select lower(email) from members.member where lower(email) = any(:emails)")
			.param("emails", emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/** Records the article each member signed up from, in one statement. */
	void attributeSignups(Map<Long, Long> articleByMember) {
		jdbc.sql("""
				update members.member m set signup_article_id = t.article
				from unnest(:members, :articles) as t(member, article) where m.id = t.member""")
			.param("members", articleByMember.keySet().toArray(Long[]::new))
			.param("articles", articleByMember.keySet().stream().map(articleByMember::get).toArray(Long[]::new))
			.update();
	}

	/** New members with new ids, as an import or staff add them. */
	Map<String, Long> insertAll(List<ImportedMember> members, Instant now) {
		return insertAll(members, Collections.nCopies(members.size(), null), now);
	}

	/**
	 * Inserts the members, their addresses counted as confirmed (the publication vouches
	 * for the list it imports), each with the id given at its place in {@code keptIds}
	 * or, where that is null, a new one; their ids by lower-case address.
	 */
	Map<String, Long> insertAll(List<ImportedMember> members, List<@Nullable Long> keptIds, Instant now) {
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("""
				insert into members.member (id, email, name, note, role, email_verified_at, created_at, updated_at)
				overriding system value
				select coalesce(t.id, nextval(pg_get_serial_sequence('members.member', 'id'))), t.email, t.name, t.note,
				  'MEMBER', :now, coalesce(t.joined::timestamptz, :now), :now
				from unnest(:ids, :emails, :names, :notes, :joined) as t(id, email, name, note, joined)
				returning id, lower(email)""")
			.param("ids", keptIds.toArray(Long[]::new))
			.param("emails", members.stream().map(ImportedMember::email).toArray(String[]::new))
			.param("names", members.stream().map(ImportedMember::name).toArray(String[]::new))
			.param("notes", members.stream().map(ImportedMember::note).toArray(String[]::new))
			.param("joined",
					members.stream()
						.map(m -> m.joinedAt() == null ? null : m.joinedAt().toString())
						.toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.query(rs -> {
				ids.put(rs.getString(2), rs.getLong(1));
			});
		List<Long> labelled = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (ImportedMember member : members) {
			long id = ids.get(member.email().toLowerCase(Locale.ROOT));
			member.labels().stream().distinct().forEach(label -> {
				labelled.add(id);
				labels.add(label);
			});
		}
		if (!labels.isEmpty()) {
			jdbc.sql("insert into members.label (member_id, name) select * from unnest(:ids, :names)")
				.param("ids", labelled.toArray(Long[]::new))
				.param("names", labels.toArray(String[]::new))
				.update();
		}
		return ids;
	}

}
