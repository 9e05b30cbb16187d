package org.parallax.nlp.encoder;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 32-bit float weights stored in an ONNX model file, by their Hugging Face names, and where
 * their bytes lie, so that fine-tuned values can be written over them without rebuilding the graph.
 *
 * <p>The model is read as the protocol buffer it is ({@code ModelProto.graph} → {@code
 * GraphProto.initializer} → {@code TensorProto}), reading only the fields needed here: a tensor's
 * dims, data type, name and raw data. Exporters name the weight of a {@code MatMul} node after
 * nothing useful ({@code onnx::MatMul_885}); such a weight takes the name of the node's output
 * instead ({@code /encoder/layer.0/attention/self/query/MatMul_output_0} becomes {@code
 * encoder.layer.0.attention.self.query.weight}), stored {@code [in, out]} as the node multiplies
 * it.
 *
 * <p>Only tensors whose values are stored as raw little-endian floats can be read or replaced
 * directly; others are listed with {@link Initializer#replaceable()} false. A weight quantised to 8
 * bits (ONNX Runtime's dynamic quantisation: {@code NAME_quantized} bytes with {@code NAME_scale}
 * and {@code NAME_zero_point} beside them, per tensor or per output column) is replaced by
 * quantising the new values with the published scale and zero point, so the graph and its constants
 * stay as they are. Such triples are named after the weight they stand for too: the weight of a
 * {@code MatMulInteger} node after its output, like a {@code MatMul}'s.
 */
public final class OnnxInitializers {

  private static final int FLOAT = 1;
  private static final int UINT8 = 2;
  private static final int INT8 = 3;
  private static final String MATMUL_OUTPUT = "/MatMul_output_0";
  private static final String MATMUL_INTEGER_OUTPUT = "/MatMul_output_0_output_quantized";
  private static final String QUANTIZED = "_quantized";
  private static final String SCALE = "_scale";
  private static final String ZERO_POINT = "_zero_point";

  /**
   * One initializer.
   *
   * @param name the Hugging Face name (see the class comment)
   * @param shape its dimensions
   * @param offset where its raw float bytes start in the model file, or -1 when not replaceable
   * @param length how many floats it holds
   */
  public record Initializer(String name, long[] shape, int offset, int length) {

    /** Whether the values are raw floats that {@link #patched} can overwrite in place. */
    public boolean replaceable() {
      return offset >= 0;
    }
  }

  private final byte[] model;
  private final Map<String, Initializer> byName;
  private final Map<String, RawTensor> raw;

  private OnnxInitializers(
      byte[] model, Map<String, Initializer> byName, Map<String, RawTensor> raw) {
    this.model = model;
    this.byName = byName;
    this.raw = raw;
  }

  /**
   * Reads the initializers of an ONNX model.
   *
   * @throws IllegalArgumentException when the bytes are not a well-formed ONNX model
   */
  public static OnnxInitializers read(byte[] model) {
    List<RawTensor> tensors = new ArrayList<>();
    Map<String, String> matMulNames = new HashMap<>();
    try {
      Reader reader = new Reader(ByteBuffer.wrap(model));
      while (reader.more()) {
        int key = (int) reader.varint();
        if (key >>> 3 == 7 && (key & 7) == 2) {
          graph(reader.message(), tensors, matMulNames);
        } else {
          reader.skip(key & 7);
        }
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a readable ONNX model: " + e, e);
    }
    Map<String, Initializer> byName = new LinkedHashMap<>();
    Map<String, RawTensor> raw = new HashMap<>();
    for (RawTensor tensor : tensors) {
      String name = rename(tensor.name, matMulNames);
      boolean floats = tensor.type == FLOAT && tensor.offset >= 0;
      byName.put(
          name,
          new Initializer(
              name, tensor.shape, floats ? tensor.offset : -1, floats ? tensor.length : 0));
      raw.put(name, tensor);
    }
    return new OnnxInitializers(model, Collections.unmodifiableMap(byName), raw);
  }

  private static String rename(String name, Map<String, String> matMulNames) {
    if (matMulNames.containsKey(name)) {
      return matMulNames.get(name);
    }
    for (String suffix : new String[] {QUANTIZED, SCALE, ZERO_POINT}) {
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        if (matMulNames.containsKey(base)) {
          return matMulNames.get(base) + suffix;
        }
      }
    }
    return name;
  }

  /** Every initializer, in file order, by name. */
  public Map<String, Initializer> byName() {
    return byName;
  }

  /**
   * The values of one initializer.
   *
   * @throws IllegalArgumentException when there is no such replaceable initializer
   */
  public float[] values(String name) {
    Initializer initializer = replaceable(name);
    float[] values = new float[initializer.length()];
    ByteBuffer.wrap(model, initializer.offset(), initializer.length() * Float.BYTES)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer()
        .get(values);
    return values;
  }

  /**
   * A copy of the model with some initializers' values replaced; the graph is untouched.
   *
   * @throws IllegalArgumentException on an unknown or non-replaceable name, or values of the wrong
   *     length
   */
  public byte[] patched(Map<String, float[]> values) {
    byte[] copy = model.clone();
    for (Map.Entry<String, float[]> entry : values.entrySet()) {
      Initializer plain = byName.get(entry.getKey());
      if ((plain == null || !plain.replaceable()) && raw.containsKey(entry.getKey() + QUANTIZED)) {
        quantise(copy, entry.getKey(), entry.getValue());
        continue;
      }
      Initializer initializer = replaceable(entry.getKey());
      float[] floats = entry.getValue();
      if (floats.length != initializer.length()) {
        throw new IllegalArgumentException(
            entry.getKey() + " holds " + initializer.length() + " values, not " + floats.length);
      }
      ByteBuffer.wrap(copy, initializer.offset(), floats.length * Float.BYTES)
          .order(ByteOrder.LITTLE_ENDIAN)
          .asFloatBuffer()
          .put(floats);
    }
    return copy;
  }

  /** Writes {@code values} as the 8-bit weight {@code name}, with its published scales. */
  private void quantise(byte[] copy, String name, float[] values) {
    RawTensor data = raw.get(name + QUANTIZED);
    RawTensor scale = raw.get(name + SCALE);
    RawTensor zero = raw.get(name + ZERO_POINT);
    if (scale == null
        || zero == null
        || scale.floats == null
        || zero.ints == null
        || data.offset < 0
        || (data.type != INT8 && data.type != UINT8)
        || data.length != values.length) {
      throw new IllegalArgumentException(
          "the quantised weight " + name + " cannot take " + values.length + " values");
    }
    int columns = scale.floats.length;
    if (columns != 1 && (zero.ints.length != columns || values.length % columns != 0)) {
      throw new IllegalArgumentException("unexpected quantisation layout for " + name);
    }
    int low = data.type == INT8 ? -128 : 0;
    int high = data.type == INT8 ? 127 : 255;
    for (int i = 0; i < values.length; i++) {
      int column = columns == 1 ? 0 : i % columns;
      // half to even, as numpy rounds when ONNX Runtime quantises
      long q = (long) Math.rint(values[i] / scale.floats[column]) + zero.ints[column];
      copy[data.offset + i] = (byte) Math.max(low, Math.min(high, q));
    }
  }

  private Initializer replaceable(String name) {
    Initializer initializer = byName.get(name);
    if (initializer == null || !initializer.replaceable()) {
      throw new IllegalArgumentException("the model has no float initializer named " + name);
    }
    return initializer;
  }

  private static void graph(Reader graph, List<RawTensor> tensors, Map<String, String> names) {
    while (graph.more()) {
      int key = (int) graph.varint();
      int field = key >>> 3;
      if (field == 5 && (key & 7) == 2) {
        tensors.add(tensor(graph.message()));
      } else if (field == 1 && (key & 7) == 2) {
        node(graph.message(), names);
      } else {
        graph.skip(key & 7);
      }
    }
  }

  private static void node(Reader node, Map<String, String> names) {
    List<String> inputs = new ArrayList<>();
    String output = null;
    String op = "";
    while (node.more()) {
      int key = (int) node.varint();
      int field = key >>> 3;
      if (field == 1 && (key & 7) == 2) {
        inputs.add(node.string());
      } else if (field == 2 && (key & 7) == 2 && output == null) {
        output = node.string();
      } else if (field == 4 && (key & 7) == 2) {
        op = node.string();
      } else {
        node.skip(key & 7);
      }
    }
    if (op.equals("MatMul")
        && inputs.size() == 2
        && output != null
        && output.startsWith("/")
        && output.endsWith(MATMUL_OUTPUT)) {
      String layer = output.substring(1, output.length() - MATMUL_OUTPUT.length());
      names.put(inputs.get(1), layer.replace('/', '.') + ".weight");
    } else if (op.equals("MatMulInteger")
        && inputs.size() >= 2
        && inputs.get(1).endsWith(QUANTIZED)
        && output != null
        && output.startsWith("/")
        && output.endsWith(MATMUL_INTEGER_OUTPUT)) {
      String layer = output.substring(1, output.length() - MATMUL_INTEGER_OUTPUT.length());
      String weight = inputs.get(1);
      names.put(
          weight.substring(0, weight.length() - QUANTIZED.length()),
          layer.replace('/', '.') + ".weight");
    }
  }

  private static RawTensor tensor(Reader tensor) {
    List<Long> dims = new ArrayList<>();
    int type = 0;
    String name = "";
    int offset = -1;
    int bytes = 0;
    ByteBuffer rawData = null;
    List<Float> floatData = new ArrayList<>();
    List<Long> intData = new ArrayList<>();
    while (tensor.more()) {
      int key = (int) tensor.varint();
      int field = key >>> 3;
      int wire = key & 7;
      if (field == 1 && wire == 0) {
        dims.add(tensor.varint());
      } else if (field == 1 && wire == 2) {
        Reader packed = tensor.message();
        while (packed.more()) {
          dims.add(packed.varint());
        }
      } else if (field == 2 && wire == 0) {
        type = (int) tensor.varint();
      } else if (field == 8 && wire == 2) {
        name = tensor.string();
      } else if (field == 9 && wire == 2) {
        ByteBuffer raw = tensor.bytes();
        offset = raw.arrayOffset() + raw.position();
        bytes = raw.remaining();
        rawData = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      } else if (field == 4 && wire == 2) {
        ByteBuffer packed = tensor.bytes().order(ByteOrder.LITTLE_ENDIAN);
        while (packed.remaining() >= Float.BYTES) {
          floatData.add(packed.getFloat());
        }
      } else if (field == 4 && wire == 5) {
        floatData.add(Float.intBitsToFloat(Integer.reverseBytes(tensor.fixed32())));
      } else if (field == 5 && wire == 2) {
        Reader packed = tensor.message();
        while (packed.more()) {
          intData.add(packed.varint());
        }
      } else if (field == 5 && wire == 0) {
        intData.add(tensor.varint());
      } else {
        tensor.skip(wire);
      }
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    long count = 1;
    for (long dim : shape) {
      count *= dim;
    }
    int width = type == FLOAT ? Float.BYTES : type == INT8 || type == UINT8 ? 1 : 0;
    boolean raw = width > 0 && offset >= 0 && bytes == count * width;
    // small tensors (scales, zero points) are decoded here; large ones are read on demand
    boolean small = count <= 4096;
    float[] floats = null;
    if (type == FLOAT && raw && small) {
      floats = new float[(int) count];
      rawData.asFloatBuffer().get(floats);
    } else if (type == FLOAT && !floatData.isEmpty()) {
      floats = new float[floatData.size()];
      for (int i = 0; i < floats.length; i++) {
        floats[i] = floatData.get(i);
      }
    }
    long[] ints = null;
    if (!intData.isEmpty()) {
      ints = new long[intData.size()];
      for (int i = 0; i < ints.length; i++) {
        // int32_data holds int8 and uint8 values as plain numbers (negative int8 sign-extended)
        ints[i] = type == INT8 ? (byte) (long) intData.get(i) : intData.get(i);
      }
    } else if (raw && width == 1 && small) {
      ints = new long[(int) count];
      for (int i = 0; i < ints.length; i++) {
        byte b = rawData.get(i);
        ints[i] = type == INT8 ? b : b & 0xff;
      }
    }
    return new RawTensor(name, shape, type, raw ? offset : -1, raw ? (int) count : 0, floats, ints);
  }

  private record RawTensor(
      String name, long[] shape, int type, int offset, int length, float[] floats, long[] ints) {}

  /** Reads protocol buffer wire format from a slice of the model bytes. */
  private static final class Reader {
    private final ByteBuffer buffer;

    Reader(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    boolean more() {
      return buffer.hasRemaining();
    }

    int fixed32() {
      return buffer.getInt();
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = buffer.get();
        result |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalStateException("malformed varint");
    }

    ByteBuffer bytes() {
      long length = varint();
      if (length < 0 || length > buffer.remaining()) {
        throw new IllegalStateException("field length " + length + " runs past its message");
      }
      ByteBuffer slice = buffer.slice();
      slice.limit((int) length);
      buffer.position(buffer.position() + (int) length);
      return slice;
    }

    Reader message() {
      return new Reader(bytes());
    }

    String string() {
      ByteBuffer bytes = bytes();
      return StandardCharsets.UTF_8.decode(bytes).toString();
    }

    void skip(int wire) {
      switch (wire) {
        case 0 -> varint();
        case 1 -> buffer.position(buffer.position() + 8);
        case 2 -> bytes();
        case 5 -> buffer.position(buffer.position() + 4);
        default -> throw new IllegalStateException("unsupported wire type " + wire);
      }
    }
  }
}
