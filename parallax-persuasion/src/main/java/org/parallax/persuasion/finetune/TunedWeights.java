package org.parallax.persuasion.finetune;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parallax.nlp.encoder.OnnxInitializers;
import org.parallax.nlp.encoder.SentenceEncoder;

/**
 * The weights fine-tuning changed, stored as their difference from the published full-precision
 * weights of the base encoder, each difference in bfloat16 (the upper half of a float, rounded to
 * nearest even). Differences are small, so their rounding error is far below the weights' own:
 * storing them halves the file against floats and keeps the tuned encoder's outputs within about
 * 1e-3 of the trained ones.
 *
 * <p>The word-piece embedding table is not tuned and not stored; it comes with the base model.
 */
public final class TunedWeights {

  private final SentenceEncoder.Model base;
  private final Map<String, short[]> deltas;
  private final String id;

  private TunedWeights(SentenceEncoder.Model base, Map<String, short[]> deltas) {
    this.base = base;
    this.deltas = deltas;
    this.id = "persuasion-" + base.name().toLowerCase(java.util.Locale.ROOT) + "-" + digest(deltas);
  }

  /** The tuned weights of {@code base}, given as full values, by Hugging Face name. */
  public static TunedWeights of(SentenceEncoder.Model base, Map<String, float[]> tuned) {
    return of(base, SentenceEncoder.fullPrecisionWeights(base), tuned);
  }

  /** As {@link #of(SentenceEncoder.Model, Map)}, with the base's weights already read. */
  static TunedWeights of(
      SentenceEncoder.Model base, OnnxInitializers published, Map<String, float[]> tuned) {
    Map<String, short[]> deltas = new LinkedHashMap<>();
    for (Map.Entry<String, float[]> entry : tuned.entrySet()) {
      float[] original = published.values(entry.getKey());
      float[] values = entry.getValue();
      if (values.length != original.length) {
        throw new IllegalArgumentException(
            entry.getKey() + ": " + values.length + " values, the base has " + original.length);
      }
      short[] delta = new short[values.length];
      for (int i = 0; i < values.length; i++) {
        delta[i] = toBfloat16(values[i] - original[i]);
      }
      deltas.put(entry.getKey(), delta);
    }
    return new TunedWeights(base, deltas);
  }

  /** The encoder these weights were tuned from. */
  public SentenceEncoder.Model base() {
    return base;
  }

  /** A name for these weights, derived from their content. */
  public String id() {
    return id;
  }

  /** How many weights were tuned. */
  public long size() {
    return deltas.values().stream().mapToLong(d -> d.length).sum();
  }

  /**
   * The tuned encoder in the base's full-precision graph, as training reads it. Built once per
   * process and thread setting.
   */
  public SentenceEncoder encoder(int threads) {
    return SentenceEncoder.tuned(base, id, this::values, false, threads);
  }

  /**
   * The tuned values quantised into the base's int8 graph with its published scales (requantising
   * the published weights this way gives back the published int8 graph byte for byte): about 1.5×
   * faster than {@link #encoder}, and what a model trained with the default settings runs (see
   * docs/MODEL-CARD-persuasion.md for what each measured).
   */
  public SentenceEncoder quantisedEncoder(int threads) {
    return SentenceEncoder.tuned(base, id, this::values, true, threads);
  }

  /** The full tuned values, by name: the base's published weights plus the stored differences. */
  public Map<String, float[]> values() {
    return values(SentenceEncoder.fullPrecisionWeights(base));
  }

  /** As {@link #values()}, given the base's published weights. */
  Map<String, float[]> values(OnnxInitializers published) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Map.Entry<String, short[]> entry : deltas.entrySet()) {
      float[] weights = published.values(entry.getKey());
      short[] delta = entry.getValue();
      for (int i = 0; i < weights.length; i++) {
        weights[i] += fromBfloat16(delta[i]);
      }
      values.put(entry.getKey(), weights);
    }
    return values;
  }

  /** Writes the base's name and every difference. */
  public void write(DataOutputStream out) throws IOException {
    out.writeUTF(base.name());
    out.writeInt(deltas.size());
    for (Map.Entry<String, short[]> entry : deltas.entrySet()) {
      out.writeUTF(entry.getKey());
      short[] delta = entry.getValue();
      out.writeInt(delta.length);
      for (short value : delta) {
        out.writeShort(value);
      }
    }
  }

  /** Reads what {@link #write} wrote. */
  public static TunedWeights read(DataInputStream in) throws IOException {
    SentenceEncoder.Model base = SentenceEncoder.Model.valueOf(in.readUTF());
    int count = in.readInt();
    Map<String, short[]> deltas = new LinkedHashMap<>();
    for (int t = 0; t < count; t++) {
      String name = in.readUTF();
      short[] delta = new short[in.readInt()];
      for (int i = 0; i < delta.length; i++) {
        delta[i] = in.readShort();
      }
      deltas.put(name, delta);
    }
    return new TunedWeights(base, deltas);
  }

  static short toBfloat16(float value) {
    int bits = Float.floatToRawIntBits(value);
    if (Float.isNaN(value)) {
      return (short) ((bits >>> 16) | 0x40);
    }
    int rounded = bits + 0x7fff + ((bits >>> 16) & 1);
    return (short) (rounded >>> 16);
  }

  static float fromBfloat16(short value) {
    return Float.intBitsToFloat((value & 0xffff) << 16);
  }

  private static String digest(Map<String, short[]> deltas) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, short[]> entry : deltas.entrySet()) {
        sha.update(entry.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (short value : entry.getValue()) {
          sha.update((byte) (value >>> 8));
          sha.update((byte) value);
        }
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
