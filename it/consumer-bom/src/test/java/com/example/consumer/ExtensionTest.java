package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.generated.model.AvailableUserData;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkExtension;
import dev.accesslink4j.testkit.FakeUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A user's test with the testkit's JUnit extension: the fake and a client pointed at it, injected. */
@ExtendWith(FakeAccessLinkExtension.class)
class ExtensionTest {

  @Test
  void aNewExerciseIsNotified(FakeAccessLink fake, AccessLink client) {
    FakeUser polarUser = fake.addUser("member-7");
    polarUser.addExercise();

    List<AvailableUserData> available = client.notifications().list();

    assertEquals(1, available.size(), () -> "one notification: " + available);
    assertEquals(polarUser.polarUserId(), available.get(0).getUserId());
    assertEquals("EXERCISE", String.valueOf(available.get(0).getDataType()));
  }
}
