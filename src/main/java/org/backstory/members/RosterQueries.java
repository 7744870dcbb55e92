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
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member list's SQL, newest (or oldest) first, keyset-paged on (created_at, id), its
 * conditions put together from the filter so each query plans with only the conditions it
 * has. Other modules' conditions arrive as small id sets, which go into the SQL, or as a
 * batch filter for conditions that admit many members (every paying member, a
 * newsletter's readers): the page then walks the newest matching members in growing
 * chunks and asks the batch filter which of each chunk pass, so no module ever sends more
 * ids than a chunk holds.
 */
@Repository
class RosterQueries {

	private static final int FIRST_CHUNK = 500;

	private static final int LARGEST_CHUNK = 16_000;

	private static final String COLUMNS = """
			m.id, m.email, m.name, m.role, m.email_verified_at is not null as verified, m.created_at, m.note,
			m.updated_at""";

	private final JdbcClient jdbc;

	RosterQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The page. Plans are made for each statement's own values: a plan cached for any
	 * search pattern cannot use the trigram indexes, and a rare search would then read
	 * every member.
	 */
	@Transactional(readOnly = true)
	public List<MemberListing> page(MemberFilter filter, @Nullable MemberCursor after, int size, boolean oldestFirst) {
		String direction = oldestFirst ? "asc" : "desc";
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		MemberBatchFilter batchFilter = filter.batchFilter();
		if (batchFilter == null) {
			return withLabels(select(COLUMNS, filter, after, size, oldestFirst).query(RosterQueries::row).list());
		}
		List<Long> kept = new ArrayList<>();
		MemberCursor cursor = after;
		int chunkSize = FIRST_CHUNK;
		List<MemberCursor> chunk;
		do {
			chunk = select("m.created_at, m.id", filter, cursor, chunkSize, oldestFirst)
				.query((rs, row) -> new MemberCursor(rs.getTimestamp(1).toInstant(), rs.getLong(2)))
				.list();
			List<Long> ids = chunk.stream().map(MemberCursor::id).toList();
			Set<Long> admitted = ids.isEmpty() ? Set.of() : batchFilter.admitted(ids);
			ids.stream().filter(admitted::contains).limit(size - kept.size()).forEach(kept::add);
			cursor = chunk.isEmpty() ? cursor : chunk.get(chunk.size() - 1);
			boolean full = chunk.size() == chunkSize;
			chunkSize = Math.min(chunkSize * 2, LARGEST_CHUNK);
			if (!full) {
				break;
			}
		}
		while (kept.size() < size);
		if (kept.isEmpty()) {
			return List.of();
		}
		return withLabels(jdbc
			.sql("select " + COLUMNS + " from members.member m where m.id = any(:ids)" + " order by m.created_at "
					+ direction + ", m.id " + direction)
			.param("ids", kept.toArray(Long[]::new))
			.query(RosterQueries::row)
			.list());
	}

	private JdbcClient.StatementSpec select(String columns, MemberFilter filter, @Nullable MemberCursor after,
			int limit, boolean oldestFirst) {
		StringBuilder sql = new StringBuilder("select " + columns + " from members.member m where true");
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
			sql.append(" and (m.created_at, m.id) " + (oldestFirst ? ">" : "<") + " (:afterAt, :afterId)");
			params.put("afterAt", Timestamp.from(after.joinedAt()));
			params.put("afterId", after.id());
		}
		String direction = oldestFirst ? "asc" : "desc";
		sql.append(" order by m.created_at " + direction + ", m.id " + direction + " limit :limit");
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params);
	}

	private Map<Long, List<String>> labelsOf(Collection<Long> memberIds) {
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

	private List<MemberListing> withLabels(List<Row> rows) {
		Map<Long, List<String>> labels = labelsOf(rows.stream().map(Row::id).toList());
		return rows.stream().map(row -> row.listing(labels.getOrDefault(row.id(), List.of()))).toList();
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
				MemberRole.valueOf(rs.getString("role")), rs.getBoolean("verified"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("note"),
				rs.getTimestamp("updated_at").toInstant());
	}

	private record Row(long id, String email, String name, MemberRole role, boolean verified, Instant joinedAt,
			String note, Instant updatedAt) {

		MemberListing listing(List<String> labels) {
			return new MemberListing(id, email, name, role, verified, joinedAt, note, labels, updatedAt);
		}

	}

}
