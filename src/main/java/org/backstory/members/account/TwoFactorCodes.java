package org.backstory.members.account;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.backstory.members.account.SignInThrottle.Reservation;
import org.backstory.members.account.SignInThrottle.Subject;
import org.backstory.members.account.TwoFactorRepository.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a code a member typed: a 6-digit code from their authenticator, or one of their
 * recovery codes. An authenticator code is right for the current 30-second step or one
 * either side (clocks drift), and only once: a code whose step was already used, or an
 * earlier one, is refused (RFC 6238 section 5.2). Every check is reserved against the
 * member and the IP before the code is looked at ({@link SignInThrottle}: 5 per member,
 * 20 per IP within 15 minutes, then growing waits), so parallel guesses cannot check more
 * than that; a right code forgets the member's count and gives the IP its attempt back.
 * Something that cannot be a code at all (letters, NUL, too long) is refused without
 * being counted or looked up.
 */
@Component
class TwoFactorCodes {

	private static final Logger log = LoggerFactory.getLogger(TwoFactorCodes.class);

	/**
	 * Longest input looked at: a recovery code typed with spaces and dashes fits easily.
	 */
	private static final int MAX_TYPED = 64;

	private final TwoFactorRepository secrets;

	private final TwoFactorKey key;

	private final SignInThrottle throttle;

	private final Clock clock;

	TwoFactorCodes(TwoFactorRepository secrets, TwoFactorKey key, SignInThrottle throttle, Clock clock) {
		this.secrets = secrets;
		this.key = key;
		this.throttle = throttle;
		this.clock = clock;
	}

	/**
	 * Checks a code for a sign-in or a change: an authenticator code or an unused
	 * recovery code.
	 */
	CodeCheck check(long memberId, String typed, String ip) {
		Optional<String> totp = authenticatorCode(typed);
		Optional<String> recovery = totp.isPresent() ? Optional.empty() : RecoveryCodes.normalize(typed);
		if (totp.isEmpty() && recovery.isEmpty()) {
			return CodeCheck.MALFORMED;
		}
		Reservation attempt = reserve(memberId, ip);
		if (!attempt.allowed()) {
			return CodeCheck.THROTTLED;
		}
		Optional<Secret> secret = secrets.find(memberId).filter(Secret::confirmed);
		CodeCheck check;
		if (secret.isEmpty()) {
			check = CodeCheck.WRONG;
		}
		else if (totp.isPresent()) {
			check = useStep(secret.get(), totp.get());
		}
		else {
			check = secrets.useRecoveryCode(memberId, RecoveryCodes.hash(memberId, recovery.get()), clock.instant())
					? CodeCheck.RIGHT : CodeCheck.WRONG;
		}
		settle(attempt, memberId, check, recovery.isPresent());
		return check;
	}

	/**
	 * Checks the first code of a setup not yet confirmed, and confirms it when the code
	 * is right.
	 */
	CodeCheck confirmSetup(long memberId, String typed, String ip) {
		Optional<String> totp = authenticatorCode(typed);
		if (totp.isEmpty()) {
			return CodeCheck.MALFORMED;
		}
		Reservation attempt = reserve(memberId, ip);
		if (!attempt.allowed()) {
			return CodeCheck.THROTTLED;
		}
		Optional<Secret> secret = secrets.find(memberId).filter(found -> !found.confirmed());
		OptionalLong step = secret.isEmpty() ? OptionalLong.empty() : matchingStep(secret.get(), totp.get());
		CodeCheck check = step.isPresent() && secrets.confirm(memberId, step.getAsLong(), clock.instant())
				? CodeCheck.RIGHT : CodeCheck.WRONG;
		settle(attempt, memberId, check, false);
		return check;
	}

	/** Whether {@code typed} has the shape of a code (rather than, say, a password). */
	static boolean looksLikeCode(String typed) {
		return authenticatorCode(typed).isPresent() || RecoveryCodes.normalize(typed).isPresent();
	}

	private CodeCheck useStep(Secret secret, String code) {
		OptionalLong step = matchingStep(secret, code);
		if (step.isEmpty()) {
			return CodeCheck.WRONG;
		}
		// The conditional update also settles a race: of two requests with the same code,
		// one wins.
		return secrets.useStep(secret.memberId(), step.getAsLong()) ? CodeCheck.RIGHT : CodeCheck.USED;
	}

	/** The step, of the current one and one either side, whose code {@code code} is. */
	private OptionalLong matchingStep(Secret secret, String code) {
		byte[] shared = key.open(secret.memberId(), secret.sealed());
		long now = Totp.step(clock.instant());
		OptionalLong match = OptionalLong.empty();
		for (long step = now - 1; step <= now + 1; step++) {
			// Compared in constant time, and every step is computed, so timing tells
			// nothing of the code.
			if (MessageDigest.isEqual(Totp.code(shared, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII)) && match.isEmpty()) {
				match = OptionalLong.of(step);
			}
		}
		return match;
	}

	private Reservation reserve(long memberId, String ip) {
		return throttle.reserve(List.of(new Subject(ThrottleRule.SECOND_FACTOR_MEMBER, Long.toString(memberId)),
				new Subject(ThrottleRule.SECOND_FACTOR_IP, ip)));
	}

	private void settle(Reservation attempt, long memberId, CodeCheck check, boolean recoveryCode) {
		if (check == CodeCheck.RIGHT) {
			throttle.succeeded(attempt);
		}
		log.info("Second factor checked memberId={} result={} recoveryCode={}", memberId, check, recoveryCode);
	}

	/**
	 * The typed text as a 6-digit code (spaces ignored, ASCII digits only), if it is one.
	 */
	private static Optional<String> authenticatorCode(String typed) {
		if (typed.length() > MAX_TYPED) {
			return Optional.empty();
		}
		String code = typed.replace(" ", "");
		boolean digits = code.length() == Totp.DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9');
		return digits ? Optional.of(code) : Optional.empty();
	}

}
