package org.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole analyze job, every model loaded, opens no network connection; nor does {@code serve}
 * while it answers requests on loopback.
 */
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

    // serve on the same workspace: it listens on loopback and answers, and connects nowhere
    Path serveLog = tmp.resolve("serve.txt");
    Process server =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Djava.security.manager=allow",
                    "-Xmx1g",
                    "-cp",
                    System.getProperty("java.class.path"),
                    NetworkGuard.class.getName(),
                    "serve",
                    "--workspace",
                    tmp.resolve("ws").toString(),
                    "--port",
                    "0"))
            .redirectErrorStream(true)
            .redirectOutput(serveLog.toFile())
            .start();
    try {
      Matcher address = null;
      for (int i = 0; i < 600 && server.isAlive(); i++) {
        address =
            Pattern.compile("web UI: +(http://127\\.0\\.0\\.1:\\d+/)")
                .matcher(Files.readString(serveLog, StandardCharsets.UTF_8));
        if (address.find()) {
          break;
        }
        address = null;
        Thread.sleep(100);
      }
      assertThat(address).as(Files.readString(serveLog, StandardCharsets.UTF_8)).isNotNull();
      HttpClient http = HttpClient.newHttpClient();
      for (String path : List.of("index.html", "search?q=Kestrany", "api/summary")) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(address.group(1) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
      }
    } finally {
      server.destroy(); // SIGTERM: the server stops, the guard reports
      assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.readString(serveLog, StandardCharsets.UTF_8)).contains("CONNECTIONS: 0");
  }
}
