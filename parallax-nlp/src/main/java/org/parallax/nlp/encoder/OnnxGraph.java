package org.parallax.nlp.encoder;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts an encoder's ONNX graph at the output of one of its layers, so that two passes can share the
 * layers below: {@link #withOutput} makes a layer's hidden states a second output of the published
 * graph; {@link #from} keeps only what computes the last hidden state from those states and the
 * attention mask, for a graph whose upper layers were fine-tuned.
 *
 * <p>The model is handled as the protocol buffer it is ({@code ModelProto.graph} → {@code
 * GraphProto}): fields this class does not change are copied byte for byte; nodes are kept or
 * dropped whole; the initializers and shape annotations only dropped nodes used go with them.
 */
public final class OnnxGraph {

  private static final int MODEL_GRAPH = 7;
  private static final int GRAPH_NODE = 1;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int GRAPH_INPUT = 11;
  private static final int GRAPH_OUTPUT = 12;
  private static final int GRAPH_VALUE_INFO = 13;
  private static final int FLOAT = 1;

  private OnnxGraph() {}

  /**
   * The name of the hidden states leaving layer {@code layer} (counting from 0) in the graphs
   * Hugging Face's exporter writes for BERT encoders, as the langchain4j int8 models have them.
   */
  public static String layerOutput(int layer) {
    return "/encoder/layer." + layer + "/output/LayerNorm/Add_1_output_0";
  }

  /** Whether some node of {@code model} computes a tensor named {@code tensor}. */
  public static boolean computes(byte[] model, String tensor) {
    for (Field field : fields(graph(model))) {
      if (field.number == GRAPH_NODE && node(field.value).outputs.contains(tensor)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A copy of {@code model} that also outputs {@code tensor} (float, {@code [batch, tokens,
   * hidden]}) after its own outputs.
   *
   * @throws IllegalArgumentException when no node computes {@code tensor}
   */
  public static byte[] withOutput(byte[] model, String tensor) {
    requireComputed(model, tensor);
    ByteArrayOutputStream graph = new ByteArrayOutputStream();
    graph.writeBytes(bytes(graph(model)));
    writeField(graph, GRAPH_OUTPUT, floatStates(tensor));
    return withGraph(model, graph.toByteArray());
  }

  /**
   * The part of {@code model} above {@code tensor}: its inputs are {@code tensor} (float, {@code
   * [batch, tokens, hidden]}) and those of the model's inputs the upper part still reads (the
   * attention mask), its outputs the model's; every node not needed for them is dropped.
   *
   * @throws IllegalArgumentException when no node computes {@code tensor}, or the upper part reads
   *     a model input other than the attention mask by a path that avoids {@code tensor}
   */
  public static byte[] from(byte[] model, String tensor) {
    requireComputed(model, tensor);
    ByteBuffer graph = graph(model);
    List<Field> fields = fields(graph);
    List<Node> nodes = new ArrayList<>();
    Set<String> initializers = new HashSet<>();
    Map<String, Field> inputs = new HashMap<>();
    List<String> outputs = new ArrayList<>();
    for (Field field : fields) {
      switch (field.number) {
        case GRAPH_NODE -> nodes.add(node(field.value));
        case GRAPH_INITIALIZER -> initializers.add(tensorName(field.value));
        case GRAPH_INPUT -> inputs.put(valueName(field.value), field);
        case GRAPH_OUTPUT -> outputs.add(valueName(field.value));
        default -> {}
      }
    }
    Map<String, Integer> producer = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (String output : nodes.get(i).outputs) {
        producer.put(output, i);
      }
    }
    Set<Integer> kept = new HashSet<>();
    Set<String> usedInputs = new HashSet<>();
    Set<String> usedInitializers = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(outputs);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (name.isEmpty() || name.equals(tensor)) {
        continue;
      }
      if (initializers.contains(name)) {
        usedInitializers.add(name);
        continue;
      }
      if (inputs.containsKey(name)) {
        usedInputs.add(name);
        continue;
      }
      Integer index = producer.get(name);
      if (index == null) {
        throw new IllegalArgumentException("nothing in the graph computes " + name);
      }
      if (kept.add(index)) {
        pending.addAll(nodes.get(index).inputs);
      }
    }
    if (!usedInputs.stream().allMatch(name -> name.equals("attention_mask"))) {
      throw new IllegalArgumentException(
          "above " + tensor + " the graph still reads " + usedInputs + ", not only the mask");
    }
    Set<String> keptTensors = new HashSet<>();
    for (int index : kept) {
      keptTensors.addAll(nodes.get(index).outputs);
    }
    ByteArrayOutputStream upper = new ByteArrayOutputStream();
    writeField(upper, GRAPH_INPUT, floatStates(tensor));
    int node = 0;
    for (Field field : fields) {
      boolean keep =
          switch (field.number) {
            case GRAPH_NODE -> kept.contains(node++);
            case GRAPH_INITIALIZER -> usedInitializers.contains(tensorName(field.value));
            case GRAPH_INPUT -> usedInputs.contains(valueName(field.value));
            case GRAPH_VALUE_INFO -> keptTensors.contains(valueName(field.value));
            default -> true;
          };
      if (keep) {
        upper.writeBytes(field.raw());
      }
    }
    return withGraph(model, upper.toByteArray());
  }

  private static void requireComputed(byte[] model, String tensor) {
    if (!computes(model, tensor)) {
      throw new IllegalArgumentException("no node of the graph computes " + tensor);
    }
  }

  /** {@code model} with its graph replaced by {@code graph}; every other field as it was. */
  private static byte[] withGraph(byte[] model, byte[] graph) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(model.length);
    for (Field field : fields(ByteBuffer.wrap(model))) {
      if (field.number == MODEL_GRAPH) {
        writeField(out, MODEL_GRAPH, graph);
      } else {
        out.writeBytes(field.raw());
      }
    }
    return out.toByteArray();
  }

  private static ByteBuffer graph(byte[] model) {
    for (Field field : fields(ByteBuffer.wrap(model))) {
      if (field.number == MODEL_GRAPH) {
        return field.value;
      }
    }
    throw new IllegalArgumentException("not an ONNX model: no graph");
  }

  /** A {@code ValueInfoProto}: {@code name}, a float tensor of shape [batch, tokens, hidden]. */
  private static byte[] floatStates(String name) {
    ByteArrayOutputStream shape = new ByteArrayOutputStream();
    for (String dimension : new String[] {"batch", "tokens", "hidden"}) {
      ByteArrayOutputStream dim = new ByteArrayOutputStream();
      writeField(dim, 2, dimension.getBytes(StandardCharsets.UTF_8)); // dim_param
      writeField(shape, 1, dim.toByteArray());
    }
    ByteArrayOutputStream tensorType = new ByteArrayOutputStream();
    writeVarintField(tensorType, 1, FLOAT); // elem_type
    writeField(tensorType, 2, shape.toByteArray());
    ByteArrayOutputStream type = new ByteArrayOutputStream();
    writeField(type, 1, tensorType.toByteArray()); // tensor_type
    ByteArrayOutputStream info = new ByteArrayOutputStream();
    writeField(info, 1, name.getBytes(StandardCharsets.UTF_8));
    writeField(info, 2, type.toByteArray());
    return info.toByteArray();
  }

  private record Node(List<String> inputs, List<String> outputs) {}

  private static Node node(ByteBuffer value) {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    for (Field field : fields(value)) {
      if (field.number == 1) {
        inputs.add(field.string());
      } else if (field.number == 2) {
        outputs.add(field.string());
      }
    }
    return new Node(inputs, outputs);
  }

  /** The name of a {@code TensorProto} (field 8). */
  private static String tensorName(ByteBuffer value) {
    for (Field field : fields(value)) {
      if (field.number == 8) {
        return field.string();
      }
    }
    return "";
  }

  /** The name of a {@code ValueInfoProto} (field 1). */
  private static String valueName(ByteBuffer value) {
    for (Field field : fields(value)) {
      if (field.number == 1) {
        return field.string();
      }
    }
    return "";
  }

  /**
   * One field of a message: its number, its value (for length-delimited fields, the bytes inside)
   * and its whole encoding (key included), for copying it as it was.
   */
  private record Field(int number, ByteBuffer value, ByteBuffer whole) {

    byte[] raw() {
      return bytes(whole);
    }

    String string() {
      return StandardCharsets.UTF_8.decode(value.duplicate()).toString();
    }
  }

  private static List<Field> fields(ByteBuffer message) {
    ByteBuffer buffer = message.duplicate();
    List<Field> fields = new ArrayList<>();
    while (buffer.hasRemaining()) {
      int start = buffer.position();
      long key = varint(buffer);
      int wire = (int) (key & 7);
      ByteBuffer value = null;
      switch (wire) {
        case 0 -> varint(buffer);
        case 1 -> skip(buffer, 8);
        case 2 -> {
          long length = varint(buffer);
          if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("not an ONNX model: a field runs past its message");
          }
          value = buffer.slice();
          value.limit((int) length);
          skip(buffer, (int) length);
        }
        case 5 -> skip(buffer, 4);
        default -> throw new IllegalArgumentException("not an ONNX model: wire type " + wire);
      }
      ByteBuffer whole = message.duplicate();
      whole.position(start).limit(buffer.position());
      fields.add(new Field((int) (key >>> 3), value, whole.slice()));
    }
    return fields;
  }

  private static void skip(ByteBuffer buffer, int count) {
    if (count > buffer.remaining()) {
      throw new IllegalArgumentException("not an ONNX model: a field runs past its message");
    }
    buffer.position(buffer.position() + count);
  }

  private static long varint(ByteBuffer buffer) {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!buffer.hasRemaining()) {
        throw new IllegalArgumentException("not an ONNX model: a number runs past its message");
      }
      byte b = buffer.get();
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IllegalArgumentException("not an ONNX model: malformed number");
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private static void writeField(ByteArrayOutputStream out, int number, byte[] value) {
    writeVarint(out, ((long) number << 3) | 2);
    writeVarint(out, value.length);
    out.writeBytes(value);
  }

  private static void writeVarintField(ByteArrayOutputStream out, int number, long value) {
    writeVarint(out, (long) number << 3);
    writeVarint(out, value);
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7fL) != 0) {
      out.write((int) ((value & 0x7f) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }
}
