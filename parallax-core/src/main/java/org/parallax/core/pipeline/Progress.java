package org.parallax.core.pipeline;

import java.io.PrintStream;
import java.util.Locale;

/** Reports how far a batch has got; {@link #console} draws a bar on standard error. */
public interface Progress {

  /** Called once before the first document; {@code total} is -1 when unknown. */
  void start(long total);

  /** Called after each document. */
  void update(long done, long failed);

  /** Called once after the last document. */
  void finish(long done, long failed);

  /** Reports nothing. */
  static Progress none() {
    return new Progress() {
      @Override
      public void start(long total) {}

      @Override
      public void update(long done, long failed) {}

      @Override
      public void finish(long done, long failed) {}
    };
  }

  /**
   * A bar redrawn in place on an interactive terminal, or a line every 10 % (every 100 documents
   * when the total is unknown) when standard error is a file or pipe.
   */
  static Progress console(PrintStream err, boolean interactive) {
    return new Progress() {
      private long total = -1;
      private long started;
      private long lastDraw;
      private long lastLineBucket = -1;
      private long lastLineDone = -1;

      @Override
      public void start(long total) {
        this.total = total;
        this.started = System.nanoTime();
      }

      @Override
      public void update(long done, long failed) {
        long now = System.nanoTime();
        if (interactive) {
          if (now - lastDraw > 200_000_000L) {
            lastDraw = now;
            err.print("\r" + line(done, failed, now));
            err.flush();
          }
        } else {
          long bucket = total > 0 ? done * 10 / total : done / 100;
          if (bucket != lastLineBucket) {
            lastLineBucket = bucket;
            lastLineDone = done;
            err.println(line(done, failed, now));
          }
        }
      }

      @Override
      public void finish(long done, long failed) {
        String last = line(done, failed, System.nanoTime());
        if (interactive) {
          err.println("\r" + last);
        } else if (done != lastLineDone) {
          err.println(last);
        }
      }

      private String line(long done, long failed, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        String rate = String.format(Locale.ROOT, "%.1f docs/s", done / seconds);
        String fails = failed == 0 ? "" : ", " + failed + " failed";
        if (total <= 0) {
          return String.format(Locale.ROOT, "analysed %d%s  %s", done, fails, rate);
        }
        int width = 30;
        int filled = (int) Math.min(width, done * width / Math.max(1, total));
        return String.format(
            Locale.ROOT,
            "[%s%s] %d/%d%s  %s",
            "#".repeat(filled),
            " ".repeat(width - filled),
            done,
            total,
            fails,
            rate);
      }
    };
  }
}
