package org.parallax.index.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes rows of RFC 4180 CSV: CRLF between records, quotes only where a cell needs them. */
final class CsvCells {

  private CsvCells() {}

  /** Writes one record; a {@code null} cell is written empty. */
  static void writeRow(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String quote(String cell) {
    if (cell == null) {
      return "";
    }
    boolean needsQuotes =
        cell.indexOf(',') >= 0
            || cell.indexOf('"') >= 0
            || cell.indexOf('\n') >= 0
            || cell.indexOf('\r') >= 0;
    return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }
}
