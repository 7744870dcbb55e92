package org.backstory.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The member list's SQL: one statement per page, its conditions put together from the filter so each
 * query plans with only the conditions it has. Newest first, keyset-paged on (created_at, id).
 */
@Repository
class RosterQueries {

	private final JdbcClient jdbc;

	RosterQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<MemberListing> page(MemberFilter filter, @Nullable MemberCursor after, int size) {
		StringBuilder sql = new StringBuilder("""
				select m.id, m.email, m.name, m.role, m.email_verified_at is not null as verified, m.created_at, m.note
				from members.member m where true""");
		Map<String, Object> params = new HashMap<>();
		if (!filter.search().isEmpty()) {
			sql.append(" and (lower(m.email) like :pattern or lower(m.name) like :pattern)");
			params.put("pattern", "%" + likeEscaped(filter.search().toLowerCase(Locale.ROOT)) + "%");
		}
		if (filter.joinedFrom() != null) {
			sql.append(" and m.created_at >= :from");
			params.put("from", Timestamp.from(filter.joinedFrom()));
		}
		if (filter.joinedBefore() != null) {
			sql.append(" and m.created_at < :before");
			params.put("before", Timestamp.from(filter.joinedBefore()));
		}
		if (filter.label() != null) {
			sql.append(" and exists (select 1 from members.label l where l.member_id = m.id and l.name = :label)");
			params.put("label", filter.label());
		}
		if (filter.onlyIds() != null) {
			sql.append(" and m.id = any(:only)");
			params.put("only", filter.onlyIds().toArray(Long[]::new));
		}
		if (!filter.exceptIds().isEmpty()) {
			sql.append(" and m.id <> all(:except)");
			params.put("except", filter.exceptIds().toArray(Long[]::new));
		}
		if (after != null) {
			sql.append(" and (m.created_at, m.id) < (:afterAt, :afterId)");
			params.put("afterAt", Timestamp.from(after.joinedAt()));
			params.put("afterId", after.id());
		}
		sql.append(" order by m.created_at desc, m.id desc limit :size");
		params.put("size", size);
		List<Row> rows = jdbc.sql(sql.toString()).params(params).query(RosterQueries::row).list();
		Map<Long, List<String>> labels = labelsOf(rows.stream().map(Row::id).toList());
		return rows.stream().map(row -> row.listing(labels.getOrDefault(row.id(), List.of()))).toList();
	}

	Map<Long, List<String>> labelsOf(Collection<Long> memberIds) {
		Map<Long, List<String>> labels = new LinkedHashMap<>();
		if (memberIds.isEmpty()) {
			return labels;
		}
		jdbc.sql("select member_id, name from members.label where member_id = any(:ids) order by name")
			.param("ids", memberIds.toArray(Long[]::new))
			.query(rs -> {
				labels.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
			});
		return labels;
	}

	List<String> allLabels() {
		return jdbc.sql("select distinct name from members.label order by name").query(String.class).list();
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("email"), rs.getString("name"), MemberRole.valueOf(rs.getString("role")),
				rs.getBoolean("verified"), rs.getTimestamp("created_at").toInstant(), rs.getString("note"));
	}

	private record Row(long id, String email, String name, MemberRole role, boolean verified, Instant joinedAt,
			String note) {

		MemberListing listing(List<String> labels) {
			return new MemberListing(id, email, name, role, verified, joinedAt, note, labels);
		}

	}

}
