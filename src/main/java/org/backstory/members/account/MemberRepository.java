package org.backstory.members.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.backstory.members.MemberRole;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The member table. Addresses are looked up case-insensitively. */
@Repository
public class MemberRepository {

	private static final String COLUMNS = "id, email, name, password_hash, role, email_verified_at, created_at";

	private final JdbcClient jdbc;

	MemberRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Member> findById(long id) {
		return jdbc.sql("select " + COLUMNS + " from members.member where id = :id")
			.param("id", id)
			.query(MemberRepository::member)
			.optional();
	}

	public List<Member> findAllById(Collection<Long> ids) {
		return jdbc.sql("select " + COLUMNS + " from members.member where id = any(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query(MemberRepository::member)
			.list();
	}

	public Optional<Member> findByEmail(String email) {
		return jdbc.sql("select " + COLUMNS + " from members.member where lower(email) = lower(:email)")
			.param("email", email)
			.query(MemberRepository::member)
			.optional();
	}

	/** Whether any member is the owner. */
	public boolean ownerExists() {
		return jdbc.sql("select exists (select 1 from members.member where role = 'OWNER')")
			.query(Boolean.class)
			.single();
	}

	/**
	 * The member, with their row locked until the transaction ends, so two changes to
	 * them run one after the other.
	 */
	Optional<Member> lockById(long id) {
		return jdbc.sql("select " + COLUMNS + " from members.member where id = :id for update")
			.param("id", id)
			.query(MemberRepository::member)
			.optional();
	}

	/**
	 * Inserts a member and returns the id; empty when the address already has an account
	 * (a concurrent insert of the same address waits for the other to commit, then finds
	 * it taken).
	 */
	Optional<Long> insert(String email, String name, @Nullable String passwordHash, MemberRole role,
			@Nullable Instant verifiedAt, Instant now) {
		return jdbc
			.sql("""
					insert into members.member (email, name, password_hash, role, email_verified_at, staff_since, created_at,
					                            updated_at)
					values (:email, :name, :hash, :role, :verified, :staffSince, :now, :now)
					on conflict do nothing
					returning id""")
			.param("email", email)
			.param("name", name)
			.param("hash", passwordHash)
			.param("role", role.name())
			.param("verified", verifiedAt == null ? null : Timestamp.from(verifiedAt))
			.param("staffSince", role.staff() ? Timestamp.from(now) : null)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	/**
	 * Gives the member {@code role}. Joining the staff starts their staff time, leaving
	 * it ends it, and a change between staff roles keeps it.
	 */
	void changeRole(long id, MemberRole role, Instant now) {
		jdbc.sql("""
				update members.member
				set role = :role, updated_at = :now,
				    staff_since = case when :staff then coalesce(staff_since, :now) end
				where id = :id""")
			.param("id", id)
			.param("role", role.name())
			.param("staff", role.staff())
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Everyone on the staff, with the time they joined it. */
	List<StaffMember> staff() {
		return jdbc.sql("""
				select id, email, name, role, coalesce(staff_since, created_at) as since from members.member
				where role <> 'MEMBER'""")
			.query((rs, row) -> new StaffMember(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
					MemberRole.valueOf(rs.getString("role")), rs.getTimestamp("since").toInstant()))
			.list();
	}

	/** Records the article the member was on when they signed up. */
	void attributeSignup(long id, long articleId) {
		jdbc.sql("update members.member set signup_article_id = :article where id = :id")
			.param("id", id)
			.param("article", articleId)
			.update();
	}

	void updateName(long id, String name, Instant now) {
		jdbc.sql("update members.member set name = :name, updated_at = :now where id = :id")
			.param("id", id)
			.param("name", name)
			.param("now", Timestamp.from(now))
			.update();
	}

	void updatePassword(long id, String passwordHash, Instant now) {
		jdbc.sql("update members.member set password_hash = :hash, updated_at = :now where id = :id")
			.param("id", id)
			.param("hash", passwordHash)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Gives the member a new address, verified now: only a link that reached it leads
	 * here. A taken address raises {@link org.springframework.dao.DuplicateKeyException}.
	 */
	void changeEmail(long id, String email, Instant now) {
		jdbc.sql("update members.member set email = :email, email_verified_at = :now, updated_at = :now where id = :id")
			.param("id", id)
			.param("email", email)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Marks the address verified. The first time only, any password is cleared too: one
	 * chosen before the address was proven may have been chosen by someone else. Returns
	 * whether this was the first proof.
	 */
	boolean proveAddress(long id, Instant now) {
		return jdbc.sql("""
				update members.member set email_verified_at = :now, password_hash = null, updated_at = :now
				where id = :id and email_verified_at is null""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	void delete(long id) {
		jdbc.sql("delete from members.member where id = :id").param("id", id).update();
	}

	private static Member member(ResultSet rs, int row) throws SQLException {
		Timestamp verified = rs.getTimestamp("email_verified_at");
		return new Member(rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getString("password_hash"),
				MemberRole.valueOf(rs.getString("role")), verified == null ? null : verified.toInstant(),
				rs.getTimestamp("created_at").toInstant());
	}

}
