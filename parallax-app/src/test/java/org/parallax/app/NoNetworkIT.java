package org.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole analyze job, every model loaded, opens no network connection. */
class NoNetworkIT {

  @TempDir Path tmp;

  @Test
  void analyzeOpensNoConnection() throws Exception {
    Path corpus = Path.of(System.getProperty("parallax.root", ".."), "examples", "corpus");
    Path log = tmp.resolve("out.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Djava.security.manager=allow",
                    "-Xmx3g",
                    "-cp",
                    System.getProperty("java.class.path"),
                    NetworkGuard.class.getName(),
                    "analyze",
                    corpus.toString(),
                    "--workspace",
                    tmp.resolve("ws").toString(),
                    "--no-progress",
                    "--report"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(process.waitFor(15, TimeUnit.MINUTES)).isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(output).contains("CONNECTIONS: 0");
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(tmp.resolve("ws/report/index.html")).exists();
  }
}
