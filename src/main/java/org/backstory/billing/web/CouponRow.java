package org.backstory.billing.web;

import org.jspecify.annotations.Nullable;

/**
 * One coupon on the coupons page.
 *
 * @param terms e.g. {@code 20% off for 3 months}
 * @param redemptions e.g. {@code 3 of 10} or {@code 3}
 * @param expires e.g. {@code through 31 December 2026}, or null
 * @param plan the only plan it is for, or null for any
 */
public record CouponRow(long id, String code, String name, String terms, String redemptions, @Nullable String expires,
		@Nullable String plan, boolean active) {
}
