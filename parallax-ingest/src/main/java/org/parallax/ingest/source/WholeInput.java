package org.parallax.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.parallax.core.model.Document;
import org.parallax.core.pipeline.Input;
import org.parallax.core.pipeline.InputException;
import org.parallax.ingest.extract.ExtractionLimits;

/**
 * One document that is a whole file (read on the worker thread that calls {@link #read}) or the
 * whole of standard input (already read).
 */
final class WholeInput implements Input {

  private final String label;
  private final Path path;
  private final byte[] preloaded;
  private final long maxBytes;
  private final ExtractionLimits limits;

  private WholeInput(String label, Path path, byte[] preloaded, IngestConfig config) {
    this.label = label;
    this.path = path;
    this.preloaded = preloaded;
    this.maxBytes = config.maxBytes();
    this.limits = config.extraction();
  }

  static WholeInput file(Path path, String label, IngestConfig config) {
    return new WholeInput(label, path, null, config);
  }

  static WholeInput bytes(String label, byte[] content, IngestConfig config) {
    return new WholeInput(label, null, content, config);
  }

  @Override
  public String inputId() {
    return label;
  }

  @Override
  public String origin() {
    return label;
  }

  @Override
  public Document read() throws InputException {
    byte[] bytes = preloaded != null ? preloaded : load();
    return Contents.read(
        bytes, label, label, path == null ? null : path.getFileName().toString(), limits);
  }

  private byte[] load() throws InputException {
    try {
      if (!Files.isRegularFile(path)) {
        throw new InputException("the file does not exist any more");
      }
      long size = Files.size(path);
      if (size > maxBytes) {
        // decompressed size of a gzip file is unknown here, so only plain files fail early
        byte[] magic = new byte[2];
        try (InputStream in = Files.newInputStream(path)) {
          if (in.read(magic) < 2 || (magic[0] & 0xff) != 0x1f || (magic[1] & 0xff) != 0x8b) {
            throw new InputException(ByteSize.overLimit("the page", size, maxBytes));
          }
        }
      }
    } catch (NoSuchFileException e) {
      throw new InputException("the file does not exist any more");
    } catch (AccessDeniedException e) {
      throw new InputException("the file cannot be read: permission denied");
    } catch (IOException e) {
      throw new InputException("the file could not be read: " + e.getMessage());
    }
    boolean gzip = false;
    try (InputStream raw = Files.newInputStream(path)) {
      Streams.Opened opened = Streams.open(raw);
      gzip = opened.gzip();
      return Streams.readAll(opened.content(), maxBytes);
    } catch (TooLargeException e) {
      throw new InputException(ByteSize.overLimit("the page", e.size(), maxBytes));
    } catch (AccessDeniedException e) {
      throw new InputException("the file cannot be read: permission denied");
    } catch (IOException e) {
      throw new InputException(Streams.describeFailure(e, gzip, ""));
    }
  }

  @Override
  public String toString() {
    return "Input[" + label + "]";
  }
}
