package org.backstory.admin.members;

import org.backstory.members.ImportedMember;

/**
 * A valid row of an import file.
 *
 * @param line where it starts in the file
 * @param member the member to create
 * @param subscribed whether they get the newsletters that are on by default ({@code subscribed_to_emails})
 * @param comp whether to give them complimentary access ({@code complimentary_plan})
 */
public record ImportRow(int line, ImportedMember member, boolean subscribed, boolean comp) {
}
