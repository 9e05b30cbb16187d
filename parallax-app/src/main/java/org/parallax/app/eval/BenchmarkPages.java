package org.parallax.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.parallax.core.json.Json;

/**
 * The pages of an article-extraction benchmark directory: {@code html/<id>.html.gz} (or {@code
 * .html}) and {@code ground-truth.json} = {@code {id: {articleBody, url}}}.
 *
 * @param pages the labelled pages that have their HTML, ordered by id
 * @param missing ids of the ground truth whose HTML file is absent
 */
public record BenchmarkPages(List<Page> pages, List<String> missing) {

  /** One labelled page: its decoded HTML and the article body a person marked in it. */
  public record Page(String id, String url, String html, String truth) {}

  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

  public BenchmarkPages {
    pages = List.copyOf(pages);
    missing = List.copyOf(missing);
  }

  static Path groundTruth(Path dir) {
    return dir.resolve("ground-truth.json");
  }

  /**
   * Reads a benchmark directory.
   *
   * @throws IOException when the ground truth cannot be read or is not the expected JSON
   */
  public static BenchmarkPages read(Path dir) throws IOException {
    Path truthFile = groundTruth(dir);
    if (!Files.isRegularFile(truthFile)) {
      throw new NoSuchFileException(
          truthFile.toString(), null, "the benchmark's ground truth is missing");
    }
    JsonNode truth = Json.MAPPER.readTree(truthFile.toFile());
    if (truth == null || !truth.isObject()) {
      throw new IOException(truthFile + " is not a JSON object of {id: {articleBody, url}}");
    }
    Map<String, JsonNode> byId = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      byId.put(entry.getKey(), entry.getValue());
    }
    List<Page> pages = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : byId.entrySet()) {
      String id = entry.getKey();
      Path gz = dir.resolve("html").resolve(id + ".html.gz");
      Path plain = dir.resolve("html").resolve(id + ".html");
      byte[] bytes;
      if (Files.isRegularFile(gz)) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
          bytes = in.readAllBytes();
        }
      } else if (Files.isRegularFile(plain)) {
        bytes = Files.readAllBytes(plain);
      } else {
        missing.add(id);
        continue;
      }
      JsonNode labels = entry.getValue();
      pages.add(
          new Page(
              id,
              labels.path("url").isTextual() ? labels.path("url").asText() : null,
              decode(bytes),
              labels.path("articleBody").asText("")));
    }
    return new BenchmarkPages(pages, missing);
  }

  /** Decodes a saved page by its byte-order mark, else its meta charset, else as UTF-8. */
  static String decode(byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher declared = META_CHARSET.matcher(head);
    Charset charset = StandardCharsets.UTF_8;
    if (declared.find()) {
      try {
        charset = Charset.forName(declared.group(1).toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        // an unknown or misspelt charset name: UTF-8 is what most pages really are
      }
    }
    return new String(bytes, charset);
  }
}
