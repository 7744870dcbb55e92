package org.backstory.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member list's SQL, in a {@link RosterOrder} either way, keyset-paged on (that
 * column, id), its conditions put together from the filter so each query plans with only
 * the conditions it has. Other modules' conditions arrive as small id sets, which go into
 * the SQL, or as a batch filter for conditions that admit many members (every paying
 * member, a newsletter's readers): the page then walks the newest matching members in
 * growing chunks and asks the batch filter which of each chunk pass, so no module ever
 * sends more ids than a chunk holds.
 */
@Repository
class RosterQueries {

	private static final int FIRST_CHUNK = 500;

	private static final int LARGEST_CHUNK = 16_000;

	private static final String COLUMNS = """
			m.id, m.email, m.name, m.role, m.email_verified_at is not null as verified, m.created_at, m.note,
			m.updated_at, m.last_seen_at""";

	private final JdbcClient jdbc;

	RosterQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The page, newest (or oldest) first.
	 */
	@Transactional(readOnly = true)
	public List<MemberListing> page(MemberFilter filter, @Nullable MemberCursor after, int size, boolean oldestFirst) {
		return page(filter, RosterOrder.JOINED, !oldestFirst,
				after == null ? null : new RosterCursor(after.joinedAt().toString(), after.id()), size);
	}

	/**
	 * The page in {@code order}. Plans are made for each statement's own values: a plan
	 * cached for any search pattern cannot use the trigram indexes, and a rare search
	 * would then read every member.
	 * @throws IllegalArgumentException if {@code after} is not a position in this order
	 */
	@Transactional(readOnly = true)
	public List<MemberListing> page(MemberFilter filter, RosterOrder order, boolean descending,
			@Nullable RosterCursor after, int size) {
		Object afterValue = after == null ? null : bound(order, after.value());
		String direction = descending ? "desc" : "asc";
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		MemberBatchFilter batchFilter = filter.batchFilter();
		if (batchFilter == null) {
			return withLabels(
					select(COLUMNS, filter, order, descending, after, afterValue, size).query(RosterQueries::row)
						.list());
		}
		List<Long> kept = new ArrayList<>();
		RosterCursor cursor = after;
		Object cursorValue = afterValue;
		int chunkSize = FIRST_CHUNK;
		List<RosterCursor> chunk;
		do {
			chunk = select(order.expression() + ", m.id", filter, order, descending, cursor, cursorValue, chunkSize)
				.query((rs, row) -> new RosterCursor(sortValue(order, rs), rs.getLong(2)))
				.list();
			List<Long> ids = chunk.stream().map(RosterCursor::id).toList();
			Set<Long> admitted = ids.isEmpty() ? Set.of() : batchFilter.admitted(ids);
			ids.stream().filter(admitted::contains).limit(size - kept.size()).forEach(kept::add);
			if (!chunk.isEmpty()) {
				cursor = chunk.get(chunk.size() - 1);
				cursorValue = bound(order, cursor.value());
			}
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
			.sql("select " + COLUMNS + " from members.member m where m.id = any(:ids)" + " order by "
					+ order.expression() + " " + direction + ", m.id " + direction)
			.param("ids", kept.toArray(Long[]::new))
			.query(RosterQueries::row)
			.list());
	}

	/**
	 * The position just after {@code member} in {@code order}, its sort value as the
	 * database computes it (so lower-casing is the database's too).
	 */
	RosterCursor cursorAt(RosterOrder order, MemberListing member) {
		return switch (order) {
			case JOINED -> new RosterCursor(member.joinedAt().toString(), member.id());
			case ID -> new RosterCursor(Long.toString(member.id()), member.id());
			case NAME, EMAIL -> new RosterCursor(
					jdbc.sql("select " + order.expression() + " from members.member m where m.id = :id")
						.param("id", member.id())
						.query(String.class)
						.optional()
						.orElse((order == RosterOrder.NAME ? member.name() : member.email()).toLowerCase(Locale.ROOT)),
					member.id());
		};
	}

	/**
	 * A cursor's value as a parameter compared with the order's column.
	 * @throws IllegalArgumentException if it is not a value of that column
	 */
	static Object bound(RosterOrder order, String value) {
		try {
			return switch (order) {
				case JOINED -> Timestamp.from(Instant.parse(value));
				case ID -> Long.parseLong(value);
				case NAME, EMAIL -> value;
			};
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new IllegalArgumentException("not a position in the member list by " + order, ex);
		}
	}

	/** The first column's sort value as a cursor holds it. */
	private static String sortValue(RosterOrder order, ResultSet rs) throws SQLException {
		return switch (order) {
			case JOINED -> rs.getTimestamp(1).toInstant().toString();
			case ID -> Long.toString(rs.getLong(1));
			case NAME, EMAIL -> rs.getString(1);
		};
	}

	private JdbcClient.StatementSpec select(String columns, MemberFilter filter, RosterOrder order, boolean descending,
			@Nullable RosterCursor after, @Nullable Object afterValue, int limit) {
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
			sql.append(" and (" + order.expression() + ", m.id) " + (descending ? "<" : ">") + " (cast(:afterValue as "
					+ order.type() + "), :afterId)");
			params.put("afterValue", afterValue);
			params.put("afterId", after.id());
		}
		String direction = descending ? "desc" : "asc";
		sql.append(" order by " + order.expression() + " " + direction + ", m.id " + direction + " limit :limit");
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
				rs.getTimestamp("updated_at").toInstant(), Timestamps.read(rs, "last_seen_at"));
	}

	private record Row(long id, String email, String name, MemberRole role, boolean verified, Instant joinedAt,
			String note, Instant updatedAt, @Nullable Instant lastSeenAt) {

		MemberListing listing(List<String> labels) {
			return new MemberListing(id, email, name, role, verified, joinedAt, note, labels, updatedAt, lastSeenAt);
		}

	}

}
