package io.tripline.cli.serve;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** {@code --addr}: {@code host:port}, {@code [v6]:port}, or {@code :port} (every interface, as OPA reads it). */
final class ListenAddress {
  private ListenAddress() {}

  static InetSocketAddress parse(String text) {
    String hint = " (give HOST:PORT, e.g. 127.0.0.1:8181)";
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("--addr " + text + " has no port" + hint);
    }
    String host = text.substring(0, colon);
    String portText = text.substring(colon + 1);
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--addr " + text + ": port \"" + portText + "\" is not a number" + hint);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--addr " + text + ": port " + port + " is outside 0-65535" + hint);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      return new InetSocketAddress(port);
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--addr " + text + ": unknown host " + host + hint);
    }
  }
}
