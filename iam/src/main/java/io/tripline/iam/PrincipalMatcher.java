package io.tripline.iam;

import io.tripline.iam.policy.PrincipalSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches Principal / NotPrincipal against the caller. A caller has several identities: itself, its
 * role (for a role session), and its account. Principal matches when an entry names any of them;
 * NotPrincipal applies when some identity is named by no entry, which is why AWS's examples list the
 * session, the role and the account together ("AWS JSON policy elements: NotPrincipal").
 */
final class PrincipalMatcher {

  private record Identity(PrincipalMatch kind, String value) {}

  private PrincipalMatcher() {}

  static PrincipalMatch match(PrincipalSpec spec, RequestPrincipal principal) {
    if (spec == null) {
      return PrincipalMatch.EVERYONE;
    }
    List<Identity> identities = identities(principal);
    if (spec.negated()) {
      for (Identity id : identities) {
        if (named(spec, id) == PrincipalMatch.NONE) {
          return PrincipalMatch.ACCOUNT;
        }
      }
      return PrincipalMatch.NONE;
    }
    PrincipalMatch best = PrincipalMatch.NONE;
    for (Identity id : identities) {
      PrincipalMatch m = named(spec, id);
      if (m.ordinal() > best.ordinal()) {
        best = m;
      }
    }
    return best;
  }

  private static List<Identity> identities(RequestPrincipal p) {
    List<Identity> out = new ArrayList<>(3);
    switch (p.type()) {
      case SERVICE -> out.add(new Identity(PrincipalMatch.DIRECT, p.arn()));
      case ROOT -> { }
      default -> {
        out.add(new Identity(PrincipalMatch.DIRECT, p.arn()));
        if (p.roleArn() != null && p.type().isSession()) {
          out.add(new Identity(PrincipalMatch.ROLE, p.roleArn()));
        }
      }
    }
    if (p.type() != PrincipalType.SERVICE && p.accountId() != null) {
      out.add(new Identity(PrincipalMatch.ACCOUNT, p.accountId()));
    }
    return out;
  }

  private static PrincipalMatch named(PrincipalSpec spec, Identity id) {
    if (spec.everyone()) {
      return PrincipalMatch.EVERYONE;
    }
    for (String entry : spec.of("AWS")) {
      if (entry.equals("*")) {
        return PrincipalMatch.EVERYONE;
      }
      if (id.kind() == PrincipalMatch.ACCOUNT) {
        if (entry.equals(id.value()) || isRootOf(entry, id.value())) {
          return PrincipalMatch.ACCOUNT;
        }
      } else if (entry.equals(id.value())) {
        return id.kind();
      }
    }
    for (String entry : spec.of("Service")) {
      if (entry.equals("*") || entry.equalsIgnoreCase(id.value())) {
        return id.kind() == PrincipalMatch.ACCOUNT ? PrincipalMatch.NONE : PrincipalMatch.DIRECT;
      }
    }
    for (String type : List.of("Federated", "CanonicalUser")) {
      for (String entry : spec.of(type)) {
        if (entry.equals(id.value())) {
          return id.kind();
        }
      }
    }
    return PrincipalMatch.NONE;
  }

  private static boolean isRootOf(String entry, String account) {
    return entry.startsWith("arn:") && entry.endsWith(":iam::" + account + ":root");
  }
}
