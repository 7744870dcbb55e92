package org.backstory.members.account;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.AccountSettings.Outcome;
import org.backstory.shared.RecentValue;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff two-factor sign-in (TOTP, RFC 6238, with any authenticator app): setting it up,
 * the recovery codes, turning it off, and the owner's requirement of it for all staff.
 * Every staff role may turn it on, so the requirement applies to every staff role;
 * readers are never asked. Leaving the staff deletes it.
 */
@Service
public class TwoFactor {

	private static final Logger log = LoggerFactory.getLogger(TwoFactor.class);

	private final TwoFactorRepository secrets;

	private final TwoFactorCodes codes;

	private final MemberRepository members;

	private final AccountSettings settings;

	private final StaffActions audit;

	private final TwoFactorEnrolment enrolment;

	private final Clock clock;

	private final RecentValue<Boolean> required;

	TwoFactor(TwoFactorRepository secrets, TwoFactorCodes codes, TwoFactorEnrolment enrolment, MemberRepository members,
			AccountSettings settings, StaffActions audit, Clock clock) {
		this.secrets = secrets;
		this.codes = codes;
		this.enrolment = enrolment;
		this.members = members;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		this.required = new RecentValue<>(secrets::staffRequired);
	}

	/**
	 * What an authenticator app needs: the secret in Base32 for typing, and the
	 * {@code otpauth://} URI (Key Uri Format) for the QR code, naming the publication as
	 * issuer and the member's address as account.
	 */
	public record Setup(String secret, String uri) {
	}

	/**
	 * A change that may hand out new recovery codes (shown once, never stored as they
	 * are).
	 */
	public record Codes(Outcome outcome, List<String> recoveryCodes) {

		static Codes refused(Outcome outcome) {
			return new Codes(outcome, List.of());
		}

	}

	/**
	 * Whether signing in as {@code member} asks for a code: a staff member with
	 * two-factor on.
	 */
	public boolean asksCode(Member member) {
		return member.role().staff() && secrets.on(member.id());
	}

	public boolean on(long memberId) {
		return secrets.on(memberId);
	}

	/**
	 * Whether the owner requires two-factor sign-in of all staff (read at most every few
	 * seconds).
	 */
	public boolean requiredOfStaff() {
		return required.get();
	}

	/**
	 * Whether {@code member} must set two-factor up before reaching any other staff page.
	 */
	public boolean mustSetUp(SignedInMember member) {
		return member.role().staff() && requiredOfStaff() && !secrets.on(member.id());
	}

	public int recoveryCodesLeft(long memberId) {
		return secrets.recoveryCodesLeft(memberId);
	}

	/** The staff who have two-factor on, for the owner's staff page. */
	public Set<Long> membersWithTwoFactor() {
		return secrets.membersWithTwoFactor();
	}

	/**
	 * The secret for a staff member turning two-factor on: a new one, or the one they
	 * began with and have not confirmed yet (so reloading the page does not undo a scan).
	 * @throws IllegalStateException when two-factor is on already
	 */
	@Transactional
	public Setup setup(long memberId) {
		return enrolment.setup(memberId);
	}

	/**
	 * Turns two-factor on with the first code from the app; the ten recovery codes come
	 * with it.
	 */
	@Transactional
	public Codes confirm(long memberId, String code, String ip) {
		return switch (codes.confirmSetup(memberId, code, ip)) {
			case RIGHT -> {
				audit.record(memberId, "staff.two-factor-on", StaffRoster.subject(member(memberId)), "");
				log.info("Two-factor on memberId={}", memberId);
				yield new Codes(Outcome.DONE, enrolment.recoveryCodes(memberId));
			}
			case THROTTLED -> Codes.refused(Outcome.THROTTLED);
			default -> Codes.refused(Outcome.WRONG_CONFIRMATION);
		};
	}

	/** Checks a code at sign-in: an authenticator code or a recovery code. */
	public CodeCheck check(long memberId, String code, String ip) {
		return codes.check(memberId, code, ip);
	}

	/**
	 * A new set of recovery codes, the old ones dead; confirmed with a current code or
	 * the password.
	 */
	@Transactional
	public Codes replaceRecoveryCodes(long memberId, @Nullable String confirmation, String ip) {
		Outcome confirmed = confirm(member(memberId), confirmation, ip);
		return confirmed == Outcome.DONE ? new Codes(Outcome.DONE, enrolment.recoveryCodes(memberId))
				: Codes.refused(confirmed);
	}

	/**
	 * Turns two-factor off, confirmed with a current code or the password.
	 * @throws StaffChangeRefused while the owner requires two-factor of staff
	 */
	@Transactional
	public Outcome turnOff(long memberId, @Nullable String confirmation, String ip) {
		if (requiredOfStaff()) {
			throw new StaffChangeRefused(StaffChangeRefused.Reason.FORBIDDEN,
					"The publication requires two-factor sign-in of its staff, so it stays on.");
		}
		Member member = member(memberId);
		Outcome confirmed = confirm(member, confirmation, ip);
		if (confirmed == Outcome.DONE) {
			secrets.delete(memberId);
			audit.record(memberId, "staff.two-factor-off", StaffRoster.subject(member), "");
			log.info("Two-factor off memberId={}", memberId);
		}
		return confirmed;
	}

	/**
	 * The owner requires two-factor sign-in of all staff, or stops requiring it.
	 * @throws StaffChangeRefused when the owner requires it without having it on
	 * themselves
	 */
	@Transactional
	public void requireOfStaff(long ownerId, boolean require) {
		if (require && !secrets.on(ownerId)) {
			throw new StaffChangeRefused(StaffChangeRefused.Reason.INVALID,
					"Turn on two-factor sign-in for your own account first.");
		}
		secrets.requireOfStaff(require, clock.instant());
		required.forget();
		audit.record(ownerId, require ? "staff.two-factor-required" : "staff.two-factor-optional", "all staff", "");
		log.info("Two-factor for staff required={}", require);
	}

	/**
	 * The owner turns a staff member's two-factor off (a lost phone and lost recovery
	 * codes); they set it up again at their next sign-in if it is required.
	 * @throws StaffChangeRefused when there is no such staff member or it is the owner
	 * (who turns their own off)
	 */
	@Transactional
	public void reset(long ownerId, long memberId) {
		Member member = members.findById(memberId)
			.filter(found -> found.role().staff())
			.orElseThrow(() -> new StaffChangeRefused(StaffChangeRefused.Reason.NOT_FOUND, "No such staff member."));
		if (member.role() == MemberRole.OWNER) {
			throw new StaffChangeRefused(StaffChangeRefused.Reason.FORBIDDEN,
					"Turn your own two-factor sign-in off on its page.");
		}
		if (secrets.delete(memberId)) {
			audit.record(ownerId, "staff.two-factor-reset", StaffRoster.subject(member), "");
			log.info("Two-factor reset memberId={} by={}", memberId, ownerId);
		}
	}

	/**
	 * Someone taken off the staff keeps no second factor: readers are never asked for
	 * one.
	 */
	@EventListener
	void roleChanged(RoleChanged change) {
		if (!change.role().staff() && secrets.delete(change.memberId())) {
			log.info("Two-factor deleted on leaving the staff memberId={}", change.memberId());
		}
	}

	/**
	 * A current code (authenticator or recovery) or, for an account that has one, the
	 * password.
	 */
	private Outcome confirm(Member member, @Nullable String confirmation, String ip) {
		String typed = confirmation == null ? "" : confirmation;
		if (TwoFactorCodes.looksLikeCode(typed) || !member.hasPassword()) {
			return switch (codes.check(member.id(), typed, ip)) {
				case RIGHT -> Outcome.DONE;
				case THROTTLED -> Outcome.THROTTLED;
				default -> Outcome.WRONG_CONFIRMATION;
			};
		}
		return settings.confirmPassword(member, typed);
	}

	private Member member(long memberId) {
		return members.findById(memberId).orElseThrow();
	}

}
