package dev.tracelight.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The web UI's files, read once into memory, and one fingerprint of all of them. Served from this
 * snapshot, a fingerprinted URL always answers the bytes its fingerprint was computed from, even
 * if the files on disk change under a running server.
 *
 * <p>The classpath folder is listed by looking at where {@code index.html} was found: a directory
 * (tests, an IDE, {@code target/classes}) is walked; a jar (the shaded server or bench jar) is
 * opened and its entries under the folder are read. No build step has to keep a listing file in
 * sync, and a missing {@code index.html} fails the server at start rather than at the first page.
 */
final class UiFiles {
  static final String INDEX = "index.html";
  /** Hex characters of the SHA-256 kept: 48 bits, plenty to tell a few releases apart. */
  static final int FINGERPRINT_LENGTH = 12;

  private final SortedMap<String, byte[]> files;
  private final String fingerprint;

  private UiFiles(SortedMap<String, byte[]> files) {
    if (!files.containsKey(INDEX)) {
      throw new IllegalStateException("The web UI has no " + INDEX);
    }
    this.files = Collections.unmodifiableSortedMap(files);
    this.fingerprint = fingerprint(files);
  }

  /** Reads the classpath folder {@code dir} (e.g. {@code /ui}), from a directory or a jar. */
  static UiFiles fromClasspath(String dir) {
    String folder = dir.replaceAll("^/+|/+$", "");
    URL index = UiFiles.class.getResource("/" + folder + "/" + INDEX);
    if (index == null) {
      throw new IllegalStateException("The web UI (" + folder + "/" + INDEX
          + ") is not on the classpath");
    }
    try {
      if (index.getProtocol().equals("file")) {
        return fromDirectory(Path.of(index.toURI()).getParent());
      }
      URLConnection connection = index.openConnection();
      if (connection instanceof JarURLConnection jar) {
        jar.setUseCaches(false);
        try (JarFile file = jar.getJarFile()) {
          return fromJar(file, folder + "/");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the web UI from " + index, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot read the web UI from " + index, e);
    }
    throw new IllegalStateException("Cannot list the web UI at " + index
        + ": neither a directory nor a jar");
  }

  /** Every regular file under {@code dir}, named by its path relative to it with '/'. */
  static UiFiles fromDirectory(Path dir) throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return new UiFiles(files);
  }

  private static UiFiles fromJar(JarFile jar, String prefix) throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
      JarEntry entry = e.nextElement();
      if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
        try (InputStream in = jar.getInputStream(entry)) {
          files.put(entry.getName().substring(prefix.length()), in.readAllBytes());
        }
      }
    }
    return new UiFiles(files);
  }

  /**
   * The first {@value #FINGERPRINT_LENGTH} hex characters of SHA-256 over each file, in name
   * order: its name, then its length and bytes (so no two different folders hash the same
   * stream). Any change to any file, a rename, an added or a removed file changes it.
   */
  static String fingerprint(SortedMap<String, byte[]> files) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
      sha256.update(ByteBuffer.allocate(4).putInt(name.length).array());
      sha256.update(name);
      sha256.update(ByteBuffer.allocate(8).putLong(file.getValue().length).array());
      sha256.update(file.getValue());
    }
    return HexFormat.of().formatHex(sha256.digest()).substring(0, FINGERPRINT_LENGTH);
  }

  String fingerprint() {
    return fingerprint;
  }

  /** The files by relative name ({@code app.js}), sorted. */
  SortedMap<String, byte[]> files() {
    return files;
  }
}
