package dev.tracelight.tracing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal protocol-buffers encoder: just the wire types OTLP trace export needs, so the client
 * does not carry protobuf-java and generated classes. Nested messages are written into their own
 * writer first, then embedded with their length.
 */
final class ProtoWriter {
  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

  void string(int field, String value) {
    if (!value.isEmpty()) {
      bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  void bytes(int field, byte[] value) {
    if (value.length > 0) {
      tag(field, LENGTH_DELIMITED);
      varint(value.length);
      out.write(value, 0, value.length);
    }
  }

  void message(int field, ProtoWriter nested) {
    tag(field, LENGTH_DELIMITED);
    varint(nested.out.size());
    nested.writeTo(this);
  }

  /** A string in a oneof: written even when empty, because presence carries meaning there. */
  void stringPresent(int field, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    tag(field, LENGTH_DELIMITED);
    varint(bytes.length);
    out.write(bytes, 0, bytes.length);
  }

  /** A varint in a oneof: written even when zero. */
  void varintPresent(int field, long value) {
    tag(field, VARINT);
    varint(value);
  }

  void uint64(int field, long value) {
    if (value != 0) {
      tag(field, VARINT);
      varint(value);
    }
  }

  void bool(int field, boolean value) {
    if (value) {
      tag(field, VARINT);
      varint(1);
    }
  }

  void fixed64(int field, long value) {
    if (value != 0) {
      tag(field, FIXED64);
      for (int i = 0; i < 8; i++) {
        out.write((int) (value >>> (8 * i)) & 0xff);
      }
    }
  }

  void double64(int field, double value) {
    tag(field, FIXED64);
    long bits = Double.doubleToRawLongBits(value);
    for (int i = 0; i < 8; i++) {
      out.write((int) (bits >>> (8 * i)) & 0xff);
    }
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void tag(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  private void varint(long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  private void writeTo(ProtoWriter target) {
    target.out.write(out.toByteArray(), 0, out.size());
  }

}
