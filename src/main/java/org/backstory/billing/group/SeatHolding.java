package org.backstory.billing.group;

/**
 * The group a reader holds a seat in, as their account page names it.
 *
 * @param planName the group plan's name
 * @param managerName the name of the member who manages the group and pays for it
 * @param managerEmail the manager's address, so the reader knows whom to ask
 */
public record SeatHolding(String planName, String managerName, String managerEmail) {
}
