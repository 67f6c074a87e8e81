/**
 * Syncs many linked users' AccessLink data into the application's own storage: {@code dev.accesslink4j.sync} holds
 * the engine, the sink and state store interfaces with their file-system and in-memory implementations, and the
 * report and listener types. {@code dev.accesslink4j.sync.internal} stays inside the module.
 */
module dev.accesslink4j.sync {
  requires transitive dev.accesslink4j;
  requires static transitive org.jspecify;

  exports dev.accesslink4j.sync;
}
