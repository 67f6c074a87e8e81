package dev.accesslink4j.testkit;

import dev.accesslink4j.AccessLink;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives every test a fresh {@link FakeAccessLink} (new server, new state) and closes it
 * after the test.
 *
 * <p>Either register it on a field and ask it for the fake:
 *
 * <pre>{@code
 * @RegisterExtension
 * final FakeAccessLinkExtension accessLink = new FakeAccessLinkExtension(
 *     FakeAccessLinkOptions.builder().today(LocalDate.of(2025, 8, 14)).build());
 *
 * @Test
 * void syncs() {
 *   FakeAccessLink fake = accessLink.fake();
 *   ...
 * }
 * }</pre>
 *
 * <p>or extend the class with it and take the fake as a parameter of a test or {@code @BeforeEach} method:
 *
 * <pre>{@code
 * @ExtendWith(FakeAccessLinkExtension.class)
 * class SyncTest {
 *   @Test
 *   void syncs(FakeAccessLink fake) { ... }
 * }
 * }</pre>
 *
 * <p>Parameters are resolved from one table, type to factory, evaluated once per test against that test's fake:
 * {@link FakeAccessLink}, and an SDK {@link AccessLink} client already pointed at it
 * ({@link FakeAccessLink#newClient()}). Everything an entry creates that is {@link AutoCloseable} is closed after
 * the test, before the fake.
 *
 * <p>The instance is safe to share between sequential tests. With parallel execution use parameter injection:
 * {@link #fake()} reports the fake of the test that started last.
 */
public final class FakeAccessLinkExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeAccessLinkExtension.class);
  private static final String FAKE = "fake";

  /** What a test can ask for, and how each is made from the test's fake. */
  private static final Map<Class<?>, Function<FakeAccessLink, ?>> INJECTABLE =
      Map.of(FakeAccessLink.class, fake -> fake, AccessLink.class, FakeAccessLink::newClient);

  private final FakeAccessLinkOptions options;
  private volatile @Nullable FakeAccessLink current;

  /** An extension whose fakes start with {@link FakeAccessLinkOptions#defaults()}. */
  public FakeAccessLinkExtension() {
    this(FakeAccessLinkOptions.defaults());
  }

  /**
   * An extension whose fakes start with the given options.
   *
   * @param options the options of every fake
   */
  public FakeAccessLinkExtension(FakeAccessLinkOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * The running test's fake.
   *
   * @return the fake
   * @throws IllegalStateException outside a test
   */
  public FakeAccessLink fake() {
    FakeAccessLink f = current;
    if (f == null) {
      throw new IllegalStateException(
          "No test is running: the fake exists from beforeEach to afterEach");
    }
    return f;
  }

  /**
   * Starts the test's fake.
   *
   * @param context the test's context
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    FakeAccessLink fake = FakeAccessLink.start(options);
    store(context).put(FAKE, fake);
    current = fake;
  }

  /**
   * Closes what the test's parameters created, then the fake.
   *
   * @param context the test's context
   * @throws Exception when closing a created object fails
   */
  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    ExtensionContext.Store store = store(context);
    Exception failure = null;
    for (Class<?> type : INJECTABLE.keySet()) {
      Object made = store.remove(type, Object.class);
      if (made instanceof AutoCloseable closeable && !(made instanceof FakeAccessLink)) {
        try {
          closeable.close();
        } catch (Exception e) {
          failure = e;
        }
      }
    }
    FakeAccessLink fake = store.remove(FAKE, FakeAccessLink.class);
    if (fake != null) {
      fake.close();
    }
    current = null;
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Whether a parameter is one the extension provides.
   *
   * @param parameterContext the parameter
   * @param extensionContext the context
   * @return true for {@link FakeAccessLink}
   */
  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return INJECTABLE.containsKey(parameterContext.getParameter().getType());
  }

  /**
   * Provides the parameter, made once per test from the test's fake.
   *
   * @param parameterContext the parameter
   * @param extensionContext the context
   * @return the value
   */
  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    ExtensionContext.Store store = store(extensionContext);
    FakeAccessLink fake = store.get(FAKE, FakeAccessLink.class);
    Function<FakeAccessLink, ?> factory = INJECTABLE.get(type);
    if (fake == null || factory == null) {
      throw new ParameterResolutionException(
          type.getSimpleName() + " is available in test and @BeforeEach/@AfterEach methods only");
    }
    Object value = store.get(type, Object.class);
    if (value == null) {
      value = factory.apply(fake);
      store.put(type, value);
    }
    return value;
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(NAMESPACE);
  }
}
