package org.parallax.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmarks find their inputs: the shared, read-only data directory next to the
 * repository. Inputs are read at setup time and never copied into the repository, so a benchmark
 * run without the data fails at once with a message saying what is missing, rather than measuring
 * an empty loop.
 */
final class SharedData {

  /** The system property naming the shared directory; {@value #DEFAULT} when unset. */
  static final String PROPERTY = "parallax.shared";

  static final String DEFAULT = "../shared";

  private SharedData() {}

  /**
   * The directory {@code relative} under the shared directory.
   *
   * @throws IllegalStateException when it does not exist
   */
  static Path directory(String relative) {
    String root = System.getProperty(PROPERTY, DEFAULT);
    Path dir = Path.of(root).resolve(relative).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          dir
              + " does not exist: the benchmarks read the shared data; pass -D"
              + PROPERTY
              + "=DIR (default "
              + DEFAULT
              + ", relative to the working directory)");
    }
    return dir;
  }
}
