package org.backstory.newsletters.web;

/**
 * One line of the staff list of suppressed addresses.
 *
 * @param address the address
 * @param reason why it is suppressed, in a few words
 * @param detail what the provider or SMTP server said, possibly empty
 * @param since when, in UTC
 */
public record SuppressionRow(String address, String reason, String detail, String since) {
}
