package org.backstory.members.web;

import org.backstory.members.MemberRole;

/**
 * An open staff invite as the staff page lists it.
 *
 * @param sent the day it was sent
 * @param expires the day its link stops working
 */
public record InviteRow(long id, String email, MemberRole role, String sent, String expires) {
}
