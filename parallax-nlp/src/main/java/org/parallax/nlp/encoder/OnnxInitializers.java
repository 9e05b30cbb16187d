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
 * <p>Only tensors whose values are stored as raw little-endian floats can be read or replaced;
 * others (integer constants, quantised weights) are listed with {@link Initializer#replaceable()}
 * false.
 */
public final class OnnxInitializers {

  private static final int FLOAT = 1;
  private static final String MATMUL_OUTPUT = "/MatMul_output_0";

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

  private OnnxInitializers(byte[] model, Map<String, Initializer> byName) {
    this.model = model;
    this.byName = byName;
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
    for (RawTensor tensor : tensors) {
      String name = matMulNames.getOrDefault(tensor.name, tensor.name);
      byName.put(name, new Initializer(name, tensor.shape, tensor.offset, tensor.length));
    }
    return new OnnxInitializers(model, Collections.unmodifiableMap(byName));
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
    }
  }

  private static RawTensor tensor(Reader tensor) {
    List<Long> dims = new ArrayList<>();
    int type = 0;
    String name = "";
    int offset = -1;
    int bytes = 0;
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
      } else {
        tensor.skip(wire);
      }
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    long count = 1;
    for (long dim : shape) {
      count *= dim;
    }
    boolean raw = type == FLOAT && offset >= 0 && bytes == count * Float.BYTES;
    return new RawTensor(name, shape, raw ? offset : -1, raw ? (int) count : 0);
  }

  private record RawTensor(String name, long[] shape, int offset, int length) {}

  /** Reads protocol buffer wire format from a slice of the model bytes. */
  private static final class Reader {
    private final ByteBuffer buffer;

    Reader(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    boolean more() {
      return buffer.hasRemaining();
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
