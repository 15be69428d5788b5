package dev.tracelight.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code PrintStream} an example prints to in a test: keeps the text, and each
 * {@code print(String)} call apart, so a test can see text arrive piece by piece.
 */
final class Printed extends PrintStream {
  private final ByteArrayOutputStream bytes;
  private final List<String> prints = Collections.synchronizedList(new ArrayList<>());

  Printed() {
    this(new ByteArrayOutputStream());
  }

  private Printed(ByteArrayOutputStream bytes) {
    super(bytes, true, StandardCharsets.UTF_8);
    this.bytes = bytes;
  }

  @Override
  public void print(String s) {
    prints.add(s);
    super.print(s);
  }

  /** Everything printed so far. */
  String text() {
    flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  List<String> lines() {
    return text().lines().toList();
  }

  /** The strings given to {@code print(String)}, in order ({@code println} goes through it too). */
  List<String> prints() {
    return List.copyOf(prints);
  }
}
