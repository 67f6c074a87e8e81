package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.UserClient;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionTest {
  @Nested
  class Registered {
    @RegisterExtension
    final FakeAccessLinkExtension accessLink = Fixtures.extension();

    @RepeatedTest(2)
    void everyTestGetsAFreshFake() {
      FakeAccessLink fake = accessLink.fake();
      assertThat(fake.users()).hasSize(1); // just the demo account
      fake.addUser();
      assertThat(fake.users()).hasSize(2);
      assertThat(fake.today()).isEqualTo(Fixtures.TODAY);
      assertThat(Http.get(fake.baseUrl() + "v3/exercises", "x").code()).isEqualTo(401);
    }
  }

  @Nested
  @ExtendWith(FakeAccessLinkExtension.class)
  class Injected {
    private FakeAccessLink fromBeforeEach;

    @BeforeEach
    void setUp(FakeAccessLink fake) {
      fromBeforeEach = fake;
      fake.addUser("from-before-each");
    }

    @Test
    void theSameFakeIsInjectedIntoBeforeEachAndTheTest(FakeAccessLink fake) {
      assertThat(fake).isSameAs(fromBeforeEach);
      assertThat(fake.users()).hasSize(2);
      assertThat(fake.clientId()).isEqualTo("fake-client-id");
      assertThat(fake.clientSecret()).isEqualTo("fake-client-secret");
      assertThat(fake.authorizationUrl()).isEqualTo(fake.baseUrl() + "oauth2/authorization");
      assertThat(fake.tokenUrl()).isEqualTo(fake.baseUrl() + "v2/oauth2/token");
      assertThat(fake.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/");
    }

    @Test
    void aClientPointedAtTheFakeIsInjected(FakeAccessLink fake, AccessLink client) {
      FakeUser polarUser = fake.users().stream()
          .filter(u -> u.memberId().filter("from-before-each"::equals).isPresent())
          .findFirst()
          .orElseThrow();
      polarUser.seedDays(3);

      UserClient user = client.user(fake.issueToken(polarUser));

      assertThat(client.apiUrl()).isEqualTo(URI.create(fake.baseUrl()));
      assertThat(user.sleep().list()).isNotEmpty();
      assertThat(fake.lastRequest())
          .hasValueSatisfying(r -> assertThat(r.path()).isEqualTo("/v3/users/sleep"));
    }
  }

  @Test
  void theFakeExistsOnlyDuringATest() {
    FakeAccessLinkExtension unused = new FakeAccessLinkExtension();
    assertThatThrownBy(unused::fake).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closingStopsTheServer() {
    FakeAccessLink fake = FakeAccessLink.start(Fixtures.options().build());
    String url = fake.baseUrl() + "v3/exercises";
    fake.close();
    assertThatThrownBy(() -> Http.get(url, "x")).isInstanceOf(java.io.UncheckedIOException.class);
  }
}
