package org.backstory.billing;

/**
 * Everything a receipt shows: the payment, who paid, and who was paid.
 *
 * @param description what the payment was for, e.g. {@code Supporter, yearly}
 * @param memberName the payer's name
 * @param memberEmail the payer's address
 * @param publicationName the publication's name
 * @param sellerName the publisher's legal name (the publication's name when none is set)
 * @param postalAddress the publisher's postal address, one line per address line; empty
 * when none is set
 */
public record Receipt(PaymentRecord payment, String description, String memberName, String memberEmail,
		String publicationName, String sellerName, String postalAddress) {
}
