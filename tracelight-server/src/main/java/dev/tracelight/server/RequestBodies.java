package dev.tracelight.server;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads request bodies with a size limit that also holds after decompression, so neither a large
 * upload nor a small gzip bomb can exhaust the heap.
 */
final class RequestBodies {
  private final long maxBytes;

  RequestBodies(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The body, decoded per {@code Content-Encoding} (identity, gzip, deflate). */
  byte[] read(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    String encoding = ctx.header("Content-Encoding");
    encoding = encoding == null ? "identity" : encoding.trim().toLowerCase(Locale.ROOT);
    try {
      InputStream in = ctx.bodyInputStream();
      switch (encoding) {
        case "identity":
        case "":
          return readBounded(in);
        case "gzip":
        case "x-gzip":
          return readBounded(new GZIPInputStream(in));
        case "deflate":
          return readBounded(new InflaterInputStream(in));
        default:
          throw ApiException.invalid("Unsupported Content-Encoding: " + encoding);
      }
    } catch (ZipException | java.io.EOFException e) {
      throw ApiException.invalid("Malformed " + encoding + " body: " + e.getMessage());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("reading request body", e);
    }
  }

  private byte[] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > maxBytes) {
        throw tooLarge();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private ApiException tooLarge() {
    return new ApiException(
        ErrorCode.BAD_REQUEST, 413, "Request body exceeds the limit of " + maxBytes + " bytes");
  }
}
