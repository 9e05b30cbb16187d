package org.parallax.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.parallax.core.json.Json;

/**
 * Mozilla's readability.js, the extractor behind Firefox's reader view, run by Node over all pages
 * in one process. Its npm packages are installed once into a cache folder, which is the only time
 * the evaluation touches the network, and only when the user asked for Node.
 */
final class NodeReadabilitySystem implements ExtractionSystem {

  static final String PACKAGES = "@mozilla/readability@0.6.0 jsdom@26.1.0";
  private static final long INSTALL_MINUTES = 10;
  private static final long RUN_MINUTES = 30;

  private final Path cache;

  NodeReadabilitySystem(Path cache) {
    this.cache = cache;
  }

  /** Whether a {@code node} executable is on the PATH. */
  static boolean nodeAvailable() {
    try {
      Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public String name() {
    return "readability.js";
  }

  @Override
  public Run extractAll(List<BenchmarkPages.Page> pages) throws IOException {
    install();
    Path runner = cache.resolve("readability-runner.js");
    try (InputStream script = getClass().getResourceAsStream("readability-runner.js")) {
      if (script == null) {
        throw new IOException("readability-runner.js is missing from the Parallax jar");
      }
      Files.write(runner, script.readAllBytes());
    }
    ArrayNode input = Json.MAPPER.createArrayNode();
    for (BenchmarkPages.Page page : pages) {
      ObjectNode item = input.addObject();
      item.put("id", page.id()).put("url", page.url()).put("html", page.html());
    }
    Path pagesFile = Files.createTempFile("parallax-eval-pages", ".json");
    Path outFile = Files.createTempFile("parallax-eval-readability", ".json");
    try {
      Json.MAPPER.writeValue(pagesFile.toFile(), input);
      Process node =
          new ProcessBuilder("node", runner.toString(), pagesFile.toString())
              .directory(cache.toFile())
              .redirectOutput(outFile.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      await(node, RUN_MINUTES, "readability.js");
      JsonNode result = Json.MAPPER.readTree(outFile.toFile());
      Map<String, String> bodies = new HashMap<>();
      result
          .path("bodies")
          .fields()
          .forEachRemaining(e -> bodies.put(e.getKey(), e.getValue().asText("")));
      return new Run(bodies, result.path("seconds").asDouble(), result.path("failures").asInt());
    } finally {
      Files.deleteIfExists(pagesFile);
      Files.deleteIfExists(outFile);
    }
  }

  private void install() throws IOException {
    Files.createDirectories(cache);
    if (Files.isDirectory(cache.resolve("node_modules/@mozilla/readability"))
        && Files.isDirectory(cache.resolve("node_modules/jsdom"))) {
      return;
    }
    Path manifest = cache.resolve("package.json");
    if (!Files.exists(manifest)) {
      Files.writeString(manifest, "{\"private\": true}\n", StandardCharsets.UTF_8);
    }
    List<String> command =
        new java.util.ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--silent"));
    command.addAll(List.of(PACKAGES.split(" ")));
    Process npm =
        new ProcessBuilder(command)
            .directory(cache.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    await(npm, INSTALL_MINUTES, "npm install " + PACKAGES + " in " + cache);
  }

  private static void await(Process process, long minutes, String what) throws IOException {
    try {
      if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(what + " did not finish within " + minutes + " minutes");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(what + " was interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(what + " failed with exit code " + process.exitValue());
    }
  }
}
