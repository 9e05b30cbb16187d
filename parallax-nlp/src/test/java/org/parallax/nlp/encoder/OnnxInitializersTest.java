package org.parallax.nlp.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnnxInitializersTest {

  /** A two-node graph written field by field: a MatMul with a float weight, and an int64 shape. */
  private static byte[] model() {
    byte[] node =
        concat(
            string(1, "x"),
            string(1, "onnx::MatMul_7"),
            string(2, "/encoder/layer.0/attention/self/query/MatMul_output_0"),
            string(4, "MatMul"));
    byte[] weight =
        concat(
            varintField(1, 2),
            varintField(1, 3),
            varintField(2, 1),
            string(8, "onnx::MatMul_7"),
            bytes(9, floats(1, 2, 3, 4, 5, 6)));
    byte[] bias =
        concat(
            varintField(1, 2),
            varintField(2, 1),
            string(8, "encoder.layer.0.attention.self.query.bias"),
            bytes(9, floats(-1, 1)));
    byte[] shape =
        concat(varintField(1, 2), varintField(2, 7), string(8, "shape"), bytes(9, new byte[16]));
    byte[] graph = concat(bytes(1, node), bytes(5, weight), bytes(5, bias), bytes(5, shape));
    return concat(varintField(1, 8), bytes(7, graph));
  }

  @Test
  void namesMatMulWeightsAfterTheirNodeAndReadsTheirValues() {
    OnnxInitializers initializers = OnnxInitializers.read(model());

    assertThat(initializers.byName().keySet())
        .containsExactly(
            "encoder.layer.0.attention.self.query.weight",
            "encoder.layer.0.attention.self.query.bias",
            "shape");
    OnnxInitializers.Initializer weight =
        initializers.byName().get("encoder.layer.0.attention.self.query.weight");
    assertThat(weight.shape()).containsExactly(2, 3);
    assertThat(weight.replaceable()).isTrue();
    assertThat(initializers.values(weight.name())).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(initializers.byName().get("shape").replaceable()).isFalse();
  }

  @Test
  void patchingRewritesValuesInPlaceAndLeavesTheOriginalAlone() {
    byte[] original = model();
    OnnxInitializers initializers = OnnxInitializers.read(original);

    byte[] patched =
        initializers.patched(
            Map.of("encoder.layer.0.attention.self.query.bias", new float[] {0.5f, 0.25f}));

    assertThat(patched).hasSameSizeAs(original);
    OnnxInitializers reread = OnnxInitializers.read(patched);
    assertThat(reread.values("encoder.layer.0.attention.self.query.bias"))
        .containsExactly(0.5f, 0.25f);
    assertThat(reread.values("encoder.layer.0.attention.self.query.weight"))
        .containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(initializers.values("encoder.layer.0.attention.self.query.bias"))
        .containsExactly(-1, 1);
  }

  @Test
  void refusesUnknownNamesWrongLengthsAndBrokenModels() {
    OnnxInitializers initializers = OnnxInitializers.read(model());

    assertThatThrownBy(() -> initializers.patched(Map.of("shape", new float[4])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shape");
    assertThatThrownBy(
            () ->
                initializers.patched(
                    Map.of("encoder.layer.0.attention.self.query.bias", new float[3])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds 2 values, not 3");
    byte[] truncated = java.util.Arrays.copyOf(model(), model().length - 5);
    assertThatThrownBy(() -> OnnxInitializers.read(truncated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a readable ONNX model");
  }

  /** An int8 graph: a MatMulInteger weight per output column, an embedding per tensor (uint8). */
  private static byte[] quantisedModel() {
    byte[] node =
        concat(
            string(1, "x_quantized"),
            string(1, "onnx::MatMul_9_quantized"),
            string(1, "x_zero_point"),
            string(1, "onnx::MatMul_9_zero_point"),
            string(2, "/encoder/layer.0/attention/self/query/MatMul_output_0_output_quantized"),
            string(4, "MatMulInteger"));
    byte[] weight =
        concat(
            varintField(1, 2),
            varintField(1, 2),
            varintField(2, 3),
            string(8, "onnx::MatMul_9_quantized"),
            bytes(9, new byte[] {1, 2, 3, 4}));
    byte[] scale =
        concat(
            varintField(1, 2),
            varintField(2, 1),
            string(8, "onnx::MatMul_9_scale"),
            bytes(4, floats(0.5f, 0.25f)));
    byte[] zero =
        concat(
            varintField(1, 2),
            varintField(2, 3),
            string(8, "onnx::MatMul_9_zero_point"),
            bytes(5, concat(varint(0), varint(0))));
    byte[] table =
        concat(
            varintField(1, 3),
            varintField(2, 2),
            string(8, "embeddings.position_embeddings.weight_quantized"),
            bytes(9, new byte[] {(byte) 128, (byte) 129, (byte) 127}));
    byte[] tableScale =
        concat(
            varintField(2, 1),
            string(8, "embeddings.position_embeddings.weight_scale"),
            bytes(4, floats(0.1f)));
    byte[] tableZero =
        concat(
            varintField(2, 2),
            string(8, "embeddings.position_embeddings.weight_zero_point"),
            bytes(5, varint(128)));
    byte[] graph =
        concat(
            bytes(1, node),
            bytes(5, weight),
            bytes(5, scale),
            bytes(5, zero),
            bytes(5, table),
            bytes(5, tableScale),
            bytes(5, tableZero));
    return concat(varintField(1, 8), bytes(7, graph));
  }

  @Test
  void quantisedWeightsAreRequantisedWithTheirPublishedScales() {
    byte[] original = quantisedModel();
    OnnxInitializers initializers = OnnxInitializers.read(original);
    assertThat(initializers.byName())
        .containsKeys(
            "encoder.layer.0.attention.self.query.weight_quantized",
            "encoder.layer.0.attention.self.query.weight_scale",
            "embeddings.position_embeddings.weight_quantized");

    byte[] patched =
        initializers.patched(
            Map.of(
                // [in, out] = [2, 2]; column scales 0.5 and 0.25; 100 clips at 127
                "encoder.layer.0.attention.self.query.weight",
                new float[] {1.0f, -0.5f, 1.2f, 100f},
                // one scale 0.1, zero point 128
                "embeddings.position_embeddings.weight",
                new float[] {0f, 0.3f, -0.2f}));

    assertThat(patched).hasSameSizeAs(original);
    int weight = indexOf(original, new byte[] {1, 2, 3, 4});
    assertThat(java.util.Arrays.copyOfRange(patched, weight, weight + 4))
        .containsExactly(2, -2, 2, 127);
    int table = indexOf(original, new byte[] {(byte) 128, (byte) 129, (byte) 127});
    assertThat(java.util.Arrays.copyOfRange(patched, table, table + 3))
        .containsExactly((byte) 128, (byte) 131, (byte) 126);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  private static byte[] floats(float... values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : values) {
      buffer.putFloat(value);
    }
    return buffer.array();
  }

  private static byte[] string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(int field, byte[] value) {
    return concat(varint(field << 3 | 2), varint(value.length), value);
  }

  private static byte[] varintField(int field, long value) {
    return concat(varint(field << 3), varint(value));
  }

  private static byte[] varint(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while ((value & ~0x7fL) != 0) {
      out.write((int) (value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
