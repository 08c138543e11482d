package io.tripline.simulator.scenario;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** What a script may give as an actor's source address (CloudTrail's sourceIPAddress). */
final class SourceAddresses {

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.amazonaws\\.com|AWS Internal");

  private SourceAddresses() {}

  /** An IPv4 or IPv6 address, or an AWS service name as CloudTrail writes for calls services make. */
  static boolean valid(String s) {
    var m = IPV4.matcher(s);
    if (m.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(m.group(i)) > 255) {
          return false;
        }
      }
      return true;
    }
    if (s.contains(":") && IPV6.matcher(s).matches()) {
      try {
        // a literal with ':' is parsed as IPv6, never looked up in DNS
        return InetAddress.getByName("[" + s + "]").getAddress().length == 16;
      } catch (UnknownHostException | RuntimeException e) {
        return false;
      }
    }
    return SERVICE.matcher(s).matches();
  }
}
