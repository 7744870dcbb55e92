package org.backstory.members;

import java.util.List;
import java.util.Optional;

import org.backstory.members.account.SignInThrottle;
import org.backstory.members.account.SignInThrottle.Reservation;
import org.backstory.members.account.SignInThrottle.Subject;
import org.backstory.members.account.ThrottleRule;
import org.springframework.stereotype.Component;

/**
 * Limits wrong guesses at short codes a signed-in member types to get something, such as
 * coupon codes at checkout: 10 per member and 30 per IP within 15 minutes, then waits of
 * 5 minutes doubling up to an hour, counted in the database with the sign-in limits. A
 * guess is reserved before the code is checked, so parallel requests cannot beat the
 * limit; a right code is given back and never counts.
 */
@Component
public class CodeGuessLimit {

	private final SignInThrottle throttle;

	CodeGuessLimit(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	/**
	 * A reserved guess, to be given back with {@link #right} when the code turns out to
	 * be right.
	 */
	public static final class Guess {

		private final Reservation reservation;

		private Guess(Reservation reservation) {
			this.reservation = reservation;
		}

	}

	/**
	 * Reserves a guess by the member from the IP; empty when either has guessed wrong too
	 * often lately, in which case the code must not be checked at all.
	 */
	public Optional<Guess> reserve(long memberId, String ip) {
		Reservation reservation = throttle.reserve(List
			.of(new Subject(ThrottleRule.CODE_MEMBER, Long.toString(memberId)), new Subject(ThrottleRule.CODE_IP, ip)));
		return reservation.allowed() ? Optional.of(new Guess(reservation)) : Optional.empty();
	}

	/** The guessed code was right: the guess does not count. */
	public void right(Guess guess) {
		throttle.succeeded(guess.reservation);
	}

}
