package dev.tracelight.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Host} header values a request may carry, against DNS rebinding: a web page on
 * {@code evil.example} whose name is made to resolve to this machine still sends {@code Host:
 * evil.example}, and is refused. Entries are host names or IP literals, optionally with a port
 * ({@code localhost}, {@code 10.0.0.5:5000}, {@code [::1]}), {@code *.example.com} for any
 * subdomain, or {@code *} for any host. An entry without a port allows every port.
 */
final class HostAllowlist {
  private static final Logger LOG = LoggerFactory.getLogger(HostAllowlist.class);
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Set<String> WILDCARD_BINDS = Set.of("0.0.0.0", "::", "[::]", "*");

  /** One allowed host; {@code port} -1 for any. */
  private record Entry(String name, InetAddress address, String suffix, int port) {
    boolean matches(String host, InetAddress hostAddress, int requestPort) {
      if (port >= 0 && port != requestPort) {
        return false;
      }
      if (address != null) {
        return address.equals(hostAddress);
      }
      if (suffix != null) {
        return host.endsWith(suffix) && host.length() > suffix.length();
      }
      return name.equals(host);
    }
  }

  private final boolean anyHost;
  private final List<Entry> entries;
  private final List<String> shown;

  private HostAllowlist(boolean anyHost, List<Entry> entries, List<String> shown) {
    this.anyHost = anyHost;
    this.entries = entries;
    this.shown = shown;
  }

  /**
   * The configured entries, or when there are none the defaults: {@code localhost}, {@code
   * 127.0.0.1}, {@code [::1]} and the host the server is bound to; bound to every interface, the
   * machine's name and the addresses of its interfaces.
   *
   * @throws IllegalArgumentException for an entry that is not a host, host:port or pattern
   */
  static HostAllowlist create(List<String> configured, String boundHost) {
    Set<String> values = new LinkedHashSet<>(configured);
    if (values.isEmpty()) {
      values.addAll(defaults(boundHost));
    }
    if (values.contains("*")) {
      return new HostAllowlist(true, List.of(), List.of("*"));
    }
    List<Entry> entries = new ArrayList<>();
    for (String value : values) {
      entries.add(parseEntry(value));
    }
    return new HostAllowlist(false, List.copyOf(entries), List.copyOf(values));
  }

  private static Set<String> defaults(String boundHost) {
    Set<String> hosts = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "[::1]"));
    if (!WILDCARD_BINDS.contains(boundHost)) {
      hosts.add(boundHost);
      return hosts;
    }
    try {
      hosts.add(InetAddress.getLocalHost().getHostName());
    } catch (UnknownHostException e) {
      LOG.debug("no local host name", e);
    }
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress a : Collections.list(ni.getInetAddresses())) {
          hosts.add(a instanceof Inet6Address
              ? "[" + a.getHostAddress().replaceFirst("%.*$", "") + "]" : a.getHostAddress());
        }
      }
    } catch (SocketException e) {
      LOG.warn("Cannot list network interfaces; allowing only localhost by default", e);
    }
    return hosts;
  }

  /** True if a request with this {@code Host} header may be served; false for none. */
  boolean allows(String hostHeader) {
    if (anyHost) {
      return true;
    }
    if (hostHeader == null || hostHeader.isBlank()) {
      return false;
    }
    HostAndPort requested = HostAndPort.parse(hostHeader);
    if (requested == null) {
      return false;
    }
    InetAddress address = literalAddress(requested.host);
    for (Entry e : entries) {
      if (e.matches(requested.host, address, requested.port)) {
        return true;
      }
    }
    return false;
  }

  /** The entries, for messages. */
  List<String> entries() {
    return shown;
  }

  private static Entry parseEntry(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("*.")) {
      HostAndPort hp = HostAndPort.parse(v.substring(1));
      if (hp == null || hp.host.length() < 2) {
        throw badEntry(value);
      }
      return new Entry(null, null, hp.host, hp.port);
    }
    if (v.contains(":") && !v.startsWith("[") && v.indexOf(':') != v.lastIndexOf(':')) {
      v = "[" + v + "]"; // a bare IPv6 literal such as ::1
    }
    HostAndPort hp = HostAndPort.parse(v);
    if (hp == null || hp.host.isEmpty() || hp.host.contains("*")) {
      throw badEntry(value);
    }
    InetAddress address = literalAddress(hp.host);
    if (address == null && hp.host.startsWith("[")) {
      throw badEntry(value);
    }
    return new Entry(address == null ? hp.host : null, address, null, hp.port);
  }

  private static IllegalArgumentException badEntry(String value) {
    return new IllegalArgumentException("not an allowed-hosts entry (host, host:port, *.domain"
        + " or *): '" + value + "'");
  }

  /** The address of an IP literal ({@code 10.0.0.1}, {@code [::1]}); null for a name. */
  private static InetAddress literalAddress(String host) {
    boolean ipv6 = host.startsWith("[") && host.endsWith("]");
    if (!ipv6 && !IPV4.matcher(host).matches()) {
      return null; // a name: never resolved, only compared
    }
    String literal = ipv6 ? host.substring(1, host.length() - 1) : host;
    if (ipv6 && !literal.matches("[0-9a-f:.]+")) {
      return null;
    }
    try {
      return InetAddress.getByName(literal); // a literal: parsed, no DNS lookup
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** A {@code Host} header: lowercase host (IPv6 in brackets) and port, -1 if none. */
  static final class HostAndPort {
    final String host;
    final int port;

    private HostAndPort(String host, int port) {
      this.host = host;
      this.port = port;
    }

    static HostAndPort parse(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      String host;
      String port = null;
      if (v.startsWith("[")) {
        int close = v.indexOf(']');
        if (close < 0) {
          return null;
        }
        host = v.substring(0, close + 1);
        String rest = v.substring(close + 1);
        if (!rest.isEmpty()) {
          if (!rest.startsWith(":")) {
            return null;
          }
          port = rest.substring(1);
        }
      } else {
        int colon = v.indexOf(':');
        if (colon >= 0 && colon != v.lastIndexOf(':')) {
          return null;
        }
        host = colon < 0 ? v : v.substring(0, colon);
        port = colon < 0 ? null : v.substring(colon + 1);
      }
      if (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1); // "localhost." is "localhost"
      }
      if (port == null) {
        return new HostAndPort(host, -1);
      }
      if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
        return null;
      }
      return new HostAndPort(host, Integer.parseInt(port));
    }
  }
}
