package org.backstory.members;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member list's queries: a batch filter (another module's large condition) asked
 * chunk by chunk.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberRosterIntegrationTests {

	@Autowired
	MemberDirectory directory;

	@Autowired
	MemberRoster roster;

	@Test
	void aBatchFilterKeepsOnlyWhatItAdmitsAndPagesThroughThem() {
		long staff = directory.createAccount(new NewAccount(MemberFixtures.uniqueEmail("roster-staff"), "Staff", null,
				MemberRole.ADMINISTRATOR, true));
		String label = "r-" + UUID.randomUUID().toString().substring(0, 8);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			long id = directory.createAccount(new NewAccount(MemberFixtures.uniqueEmail("roster" + i), "Roster " + i,
					null, MemberRole.MEMBER, false));
			roster.addLabel(staff, id, label);
			ids.add(id);
		}
		Set<Long> even = Set.of(ids.get(0), ids.get(2), ids.get(4));
		List<List<Long>> asked = new ArrayList<>();
		MemberBatchFilter evenOnly = candidates -> {
			asked.add(candidates);
			return candidates.stream().filter(even::contains).collect(Collectors.toSet());
		};
		MemberFilter filter = new MemberFilter("", null, null, label, null, Set.of(), evenOnly);

		List<MemberListing> first = roster.page(filter, null, 2);
		List<MemberListing> rest = roster.page(filter, first.get(1).cursor(), 2);

		assertThat(first).extracting(MemberListing::id).containsExactly(ids.get(4), ids.get(2));
		assertThat(rest).extracting(MemberListing::id).containsExactly(ids.get(0));
		assertThat(asked).allSatisfy(chunk -> assertThat(ids).containsAll(chunk));
		assertThat(first.get(0).labels()).containsExactly(label);
	}

	@Test
	void anExportWalksEveryMatchingMemberInChunks() {
		long staff = directory.createAccount(new NewAccount(MemberFixtures.uniqueEmail("roster-staff"), "Staff", null,
				MemberRole.ADMINISTRATOR, true));
		String label = "e-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 3; i++) {
			long id = directory.createAccount(new NewAccount(MemberFixtures.uniqueEmail("chunk" + i), "Chunk " + i,
					null, MemberRole.MEMBER, false));
			roster.addLabel(staff, id, label);
		}
		List<MemberListing> seen = new ArrayList<>();

		roster.forEachChunk(new MemberFilter("", null, null, label, null, Set.of(), null), seen::addAll);

		assertThat(seen).hasSize(3);
	}

}
