package org.backstory.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the webhooks module: its hooks, their deliveries (the outbox) and the last
 * bodies sent.
 */
@Repository
class HookRepository {

	private static final String HOOK = """
			select h.id, h.event, h.target_url, h.name, h.active, h.disabled_reason, h.created_at,
			       (select max(d.last_attempt_at) from webhooks.delivery d where d.hook_id = h.id) as last_attempt_at
			from webhooks.hook h""";

	private final JdbcClient jdbc;

	HookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a hook with its secret sealed by {@code seal} for the new row's id. */
	long insertHook(String event, String targetUrl, String name, long createdBy, Instant now,
			LongFunction<byte[]> seal) {
		long id = jdbc.sql("""
				insert into webhooks.hook (event, target_url, name, sealed_secret, created_by, created_at)
				values (?, ?, ?, '\\x'::bytea, ?, ?) returning id
				""").params(event, targetUrl, name, createdBy, utc(now)).query(Long.class).single();
		jdbc.sql("update webhooks.hook set sealed_secret = ? where id = ?").params(seal.apply(id), id).update();
		return id;
	}

	List<Hook> hooks() {
		return jdbc.sql(HOOK + " order by h.event, h.id").query(HookRepository::hook).list();
	}

	Optional<Hook> hook(long id) {
		return jdbc.sql(HOOK + " where h.id = ?").param(id).query(HookRepository::hook).optional();
	}

	List<Long> activeFor(String event) {
		return jdbc.sql("select id from webhooks.hook where active and event = ? order by id")
			.param(event)
			.query(Long.class)
			.list();
	}

	/**
	 * Whether some active hook listens to an event of this object kind ({@code post.},
	 * {@code member.}).
	 */
	boolean anyActiveFor(String prefix) {
		return jdbc.sql("select exists (select 1 from webhooks.hook where active and starts_with(event, ?))")
			.param(prefix)
			.query(Boolean.class)
			.single();
	}

	boolean setActive(long id, boolean active, @Nullable String reason) {
		return jdbc.sql("update webhooks.hook set active = ?, disabled_reason = ? where id = ?")
			.params(active, active ? null : reason, id)
			.update() == 1;
	}

	boolean delete(long id) {
		return jdbc.sql("delete from webhooks.hook where id = ?").param(id).update() == 1;
	}

	long insertDelivery(long hookId, String event, String body, Instant now) {
		return jdbc.sql("""
				insert into webhooks.delivery (hook_id, event, body, status, created_at, next_attempt_at)
				values (?, ?, ?, 'pending', ?, ?) returning id
				""").params(hookId, event, body, utc(now), utc(now)).query(Long.class).single();
	}

	/**
	 * The pending delivery with its hook, locked; empty when it is not pending, its next
	 * attempt is not due yet (another node attempted it a moment ago), or another node
	 * holds it.
	 */
	Optional<PendingDelivery> lockPending(long id, Instant now) {
		return jdbc.sql("""
				select d.id, d.hook_id, d.event, d.body, d.attempts, h.target_url, h.sealed_secret, h.active
				from webhooks.delivery d join webhooks.hook h on h.id = d.hook_id
				where d.id = ? and d.status = 'pending' and d.next_attempt_at <= ?
				for update of d skip locked
				""")
			.params(id, utc(now))
			.query((rs, row) -> new PendingDelivery(rs.getLong("id"), rs.getLong("hook_id"), rs.getString("event"),
					rs.getString("body"), rs.getInt("attempts"), rs.getString("target_url"),
					rs.getBytes("sealed_secret"), rs.getBoolean("active")))
			.optional();
	}

	/**
	 * Records an attempt: still pending when {@code next} is given, else finished as
	 * {@code status}.
	 */
	void recordAttempt(long id, String status, int attempts, @Nullable Integer code, @Nullable String error,
			@Nullable Instant next, Instant now) {
		jdbc.sql("""
				update webhooks.delivery
				set status = ?, attempts = ?, response_code = ?, error = ?, next_attempt_at = ?, last_attempt_at = ?
				where id = ?
				""").params(status, attempts, code, error, next == null ? null : utc(next), utc(now), id).update();
	}

	List<Long> due(Instant now, int limit) {
		return jdbc.sql("""
				select id from webhooks.delivery where status = 'pending' and next_attempt_at <= ?
				order by next_attempt_at limit ?
				""").params(utc(now), limit).query(Long.class).list();
	}

	List<Delivery> deliveries(long hookId, int limit) {
		return jdbc.sql("""
				select id, event, status, attempts, response_code, error, created_at, last_attempt_at, next_attempt_at
				from webhooks.delivery where hook_id = ? order by id desc limit ?
				""")
			.params(hookId, limit)
			.query((rs, row) -> new Delivery(rs.getLong("id"), rs.getString("event"), rs.getString("status"),
					rs.getInt("attempts"), rs.getObject("response_code", Integer.class), rs.getString("error"),
					Objects.requireNonNull(instant(rs, "created_at")), instant(rs, "last_attempt_at"),
					instant(rs, "next_attempt_at")))
			.list();
	}

	Optional<String> body(long hookId, long deliveryId) {
		return jdbc.sql("select body from webhooks.delivery where id = ? and hook_id = ?")
			.params(deliveryId, hookId)
			.query(String.class)
			.optional();
	}

	Optional<String> snapshot(String kind, long objectId) {
		return jdbc.sql("select body from webhooks.snapshot where kind = ? and object_id = ?")
			.params(kind, objectId)
			.query(String.class)
			.optional();
	}

	void saveSnapshot(String kind, long objectId, String body) {
		jdbc.sql("""
				insert into webhooks.snapshot (kind, object_id, body) values (?, ?, ?)
				on conflict (kind, object_id) do update set body = excluded.body
				""").params(kind, objectId, body).update();
	}

	/**
	 * Forgets the last bodies of every kind of object no active hook listens to any more.
	 */
	void dropUnwatchedSnapshots() {
		jdbc.sql("""
				delete from webhooks.snapshot s
				where not exists (select 1 from webhooks.hook h where h.active and starts_with(h.event, s.kind || '.'))
				""").update();
	}

	void deleteSnapshot(String kind, long objectId) {
		jdbc.sql("delete from webhooks.snapshot where kind = ? and object_id = ?").params(kind, objectId).update();
	}

	/** Deletes finished deliveries created before {@code before}; how many. */
	int pruneFinished(Instant before) {
		return jdbc.sql("delete from webhooks.delivery where status <> 'pending' and created_at < ?")
			.param(utc(before))
			.update();
	}

	private static Hook hook(ResultSet rs, int row) throws SQLException {
		return new Hook(rs.getLong("id"), rs.getString("event"), rs.getString("target_url"), rs.getString("name"),
				rs.getBoolean("active"), rs.getString("disabled_reason"),
				Objects.requireNonNull(instant(rs, "created_at")), instant(rs, "last_attempt_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** A delivery about to be attempted, with what sending needs from its hook. */
	record PendingDelivery(long id, long hookId, String event, String body, int attempts, String targetUrl,
			byte[] sealedSecret, boolean hookActive) {
	}

}
