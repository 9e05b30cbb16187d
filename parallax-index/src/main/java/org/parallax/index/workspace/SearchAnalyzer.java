package org.parallax.index.workspace;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How titles and texts are split into search terms: Unicode word boundaries (Lucene's standard
 * tokenizer), lower case, and accents and other marks folded to their ASCII letters, so that
 * "Taiwan" finds "Taïwan", "Pekin" finds "Pékin" and "Erdogan" finds "Erdoğan" in a corpus of many
 * languages. Wildcard and prefix terms are folded the same way. No stop words: a phrase keeps all
 * its words.
 */
final class SearchAnalyzer extends Analyzer {

  /**
   * Names this analysis in the index's commit data; an index written with another one is indexed
   * again from its stored documents when opened.
   */
  static final String VERSION = "standard-lowercase-asciifolding-1";

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = new StandardTokenizer();
    TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
