/** A user's modular application: the README's quick start on the module path. */
module com.example.jpms {
  requires dev.accesslink4j;
  requires dev.accesslink4j.testkit;
}
