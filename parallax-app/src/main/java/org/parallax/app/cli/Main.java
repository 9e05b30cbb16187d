package org.parallax.app.cli;

import picocli.CommandLine;

/** Entry point of the {@code parallax} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code: 0 ok, 1 some documents failed, 2 usage. */
  public static int run(String... args) {
    Privacy.enforce();
    return new CommandLine(new ParallaxCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new ErrorHandler())
        .execute(args);
  }
}
