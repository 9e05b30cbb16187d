package org.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.cli.Main;
import org.parallax.core.json.Json;

/**
 * A folder of broken inputs next to good ones: each broken one fails with a reason, the batch
 * carries on, every good one is analysed, and the exit code says some failed.
 */
class BadInputIT {

  @TempDir Path tmp;

  @Test
  void eachBadInputFailsAloneWithAReason() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    String article =
        "Harbour Board Delays Vote\n\nThe harbour board postponed its vote on the new quay on"
            + " Tuesday, a spokeswoman said.\n\nMembers asked for another survey of the seabed.";
    Files.writeString(in.resolve("good.txt"), article);
    Files.writeString(in.resolve("empty.txt"), "");
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    Files.write(in.resolve("junk.bin"), junk);
    Files.writeString(
        in.resolve("broken.html"),
        "<html><body><article><h1>Quay vote delayed<p>The board <b>postponed the vote<div>again");
    Files.write(
        in.resolve("latin1.txt"),
        ("Café owners protest\n\nThe café owners of the old town protested on Monday against"
                + " the new parking fees, which they said would keep visitors away.")
            .getBytes(Charset.forName("windows-1252")));
    // a gzip stream cut in the middle: the records before the cut still count
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      for (int i = 0; i < 200; i++) {
        String record =
            Json.MAPPER.writeValueAsString(
                java.util.Map.of(
                    "id", "r" + i,
                    "text", "Record " + i + " says the ferry ran late again on day " + i + "."));
        out.write((record + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] full = gz.toByteArray();
    Files.write(in.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(full, full.length * 2 / 3));
    // a page over the size limit given on the command line
    Files.writeString(in.resolve("huge.txt"), "word ".repeat(300_000));

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit =
          Main.run(
              "analyze",
              in.toString(),
              "-w",
              tmp.resolve("ws").toString(),
              "--no-progress",
              "--max-mb",
              "1");
    } finally {
      System.setErr(originalErr);
    }
    String messages = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(1);
    assertThat(messages)
        .contains("empty.txt [ingest]: the file is empty")
        .contains("junk.bin [ingest]")
        .contains("huge.txt [ingest]")
        .contains("cut.jsonl.gz");

    Path out = tmp.resolve("out.jsonl");
    assertThat(Main.run("export", "-w", tmp.resolve("ws").toString(), "--out", out.toString()))
        .isZero();
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      records.add(Json.MAPPER.readTree(line));
    }
    assertThat(records)
        .extracting(r -> r.path("inputId").asText())
        .anyMatch(id -> id.endsWith("good.txt"))
        .anyMatch(id -> id.endsWith("broken.html"))
        .anyMatch(id -> id.endsWith("latin1.txt"))
        .anyMatch(id -> id.equals("r0"));
    JsonNode latin =
        records.stream()
            .filter(r -> r.path("inputId").asText().endsWith("latin1.txt"))
            .findFirst()
            .orElseThrow();
    assertThat(latin.path("text").asText()).contains("café owners").doesNotContain("\uFFFD");
    assertThat(latin.path("diagnostics").toString()).containsIgnoringCase("windows-1252");
  }
}
