package org.backstory.billing.web;

/**
 * One offer on the offers page.
 *
 * @param code its URL slug
 * @param title its heading
 * @param plan the plan and interval, e.g. {@code Supporter, monthly}
 * @param terms what it gives, e.g. {@code 50% off the first payment}
 * @param views landing page views
 * @param redemptions checkouts that took it
 * @param conversion redemptions per view, e.g. {@code 12%}
 * @param active false once archived
 */
public record OfferRow(String code, String title, String plan, String terms, long views, long redemptions,
		String conversion, boolean active) {
}
