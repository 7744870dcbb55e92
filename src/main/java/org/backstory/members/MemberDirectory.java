package org.backstory.members;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.backstory.members.account.EmailAddresses;
import org.backstory.members.account.Member;
import org.backstory.members.account.MemberNames;
import org.backstory.members.account.MemberRepository;
import org.backstory.members.account.PasswordPolicy;
import org.backstory.members.account.Passwords;
import org.backstory.members.account.Registration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks members up for other modules, and creates accounts for seeding and imports. */
@Service
public class MemberDirectory {

	private final MemberRepository members;

	private final Registration registration;

	private final Passwords passwords;

	private final PasswordPolicy passwordPolicy;

	MemberDirectory(MemberRepository members, Registration registration, Passwords passwords,
			PasswordPolicy passwordPolicy) {
		this.members = members;
		this.registration = registration;
		this.passwords = passwords;
		this.passwordPolicy = passwordPolicy;
	}

	/** The member with this id, if there is one. */
	public Optional<MemberProfile> profile(long memberId) {
		return members.findById(memberId).map(Member::profile);
	}

	/** The members with these ids, by id; ids without a member are left out. */
	public Map<Long, MemberProfile> profiles(Collection<Long> memberIds) {
		return members.findAllById(memberIds)
			.stream()
			.map(Member::profile)
			.collect(Collectors.toMap(MemberProfile::id, Function.identity()));
	}

	/** The member with this address, whatever its case, if there is one. */
	public Optional<MemberProfile> findByEmail(String email) {
		return members.findByEmail(email.strip()).map(Member::profile);
	}

	/** Whether the publication has an owner yet. */
	public boolean ownerExists() {
		return members.ownerExists();
	}

	/**
	 * Whether the account with this address has exactly this password. One deliberately
	 * slow hash check and no throttle: for checks at start-up, never for answering
	 * requests. False when there is no such account or it has no password.
	 */
	public boolean passwordMatches(String email, String password) {
		return members.findByEmail(email.strip())
			.filter(Member::hasPassword)
			.map(member -> passwords.matches(password, member.passwordHash()))
			.orElse(false);
	}

	/**
	 * Creates an account and returns its id; no mail is sent. When the address already
	 * has an account, returns that account's id and changes nothing, so seeding can run
	 * again safely.
	 * @throws IllegalArgumentException when the address, name or password breaks the
	 * sign-up rules
	 */
	@Transactional
	public long createAccount(NewAccount account) {
		String email = account.email().strip();
		EmailAddresses.problem(email).ifPresent(problem -> {
			throw new IllegalArgumentException(problem);
		});
		String name = MemberNames.normalize(account.name());
		MemberNames.problem(name).ifPresent(problem -> {
			throw new IllegalArgumentException(problem);
		});
		if (account.password() != null) {
			passwordPolicy.problem(account.password(), email).ifPresent(problem -> {
				throw new IllegalArgumentException(problem);
			});
		}
		return members.findByEmail(email)
			.map(Member::id)
			.orElseGet(() -> registration
				.create(new NewAccount(email, name, account.password(), account.role(), account.verified()))
				.id());
	}

}
