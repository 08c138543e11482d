package io.tripline.iam.gaps;

import io.tripline.iam.ServiceReference;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what CloudTrail records (eventSource, eventName, resource ARNs) into the IAM action and
 * resource that authorized it. Most event names are the action's name; the exceptions handled
 * are S3's (ListObjects and ListObjectsV2 are authorized by s3:ListBucket, HeadObject by
 * s3:GetObject, ...), Lambda's versioned event names ({@code ListFunctions20150331}), and calls
 * that need no permission (sts:GetCallerIdentity, console sign-in).
 */
public final class EventActions {

  private static final Pattern LAMBDA_VERSION = Pattern.compile("\\d{8}(v\\d+)?$");
  private static final Map<String, String> SERVICE = Map.of("monitoring", "cloudwatch", "email", "ses");
  private static final Map<String, String> S3 = Map.ofEntries(
      Map.entry("ListObjects", "ListBucket"), Map.entry("ListObjectsV2", "ListBucket"), Map.entry("HeadBucket", "ListBucket"),
      Map.entry("ListObjectVersions", "ListBucketVersions"), Map.entry("HeadObject", "GetObject"),
      Map.entry("ListBuckets", "ListAllMyBuckets"), Map.entry("DeleteObjects", "DeleteObject"),
      Map.entry("CreateMultipartUpload", "PutObject"), Map.entry("UploadPart", "PutObject"),
      Map.entry("CompleteMultipartUpload", "PutObject"), Map.entry("CopyObject", "PutObject"),
      Map.entry("GetBucketLifecycleConfiguration", "GetLifecycleConfiguration"),
      Map.entry("PutBucketLifecycleConfiguration", "PutLifecycleConfiguration"), Map.entry("PutBucketLifecycle", "PutLifecycleConfiguration"));
  /** Calls that need no IAM permission. */
  private static final Set<String> FREE = Set.of("sts:GetCallerIdentity", "signin:ConsoleLogin", "signin:CheckMfa", "signin:ExternalIdPDirectoryLogin");
  private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "Client.UnauthorizedOperation", "UnauthorizedOperation",
      "UnauthorizedAccess");

  private final ServiceReference reference;

  public EventActions(ServiceReference reference) {
    this.reference = reference;
  }

  /** The IAM action for an event, or empty when the call needs no permission. */
  public Optional<String> action(String eventSource, String eventName) {
    if (eventSource == null || eventName == null) {
      return Optional.empty();
    }
    String service = eventSource.endsWith(".amazonaws.com") ? eventSource.substring(0, eventSource.length() - ".amazonaws.com".length()) : eventSource;
    service = SERVICE.getOrDefault(service, service);
    String name = eventName;
    if (service.equals("lambda")) {
      name = LAMBDA_VERSION.matcher(name).replaceFirst("");
    } else if (service.equals("s3")) {
      name = S3.getOrDefault(name, name);
    }
    String action = service + ":" + name;
    return FREE.contains(action) ? Optional.empty() : Optional.of(action);
  }

  /**
   * The call one CloudTrail record shows, or empty when it needs no permission.
   *
   * @param arns the ARNs the record names: its {@code resources}, then ARN-valued request parameters
   * @param errorCode the record's errorCode, or null
   */
  public Optional<ActivityCall> call(String principalArn, String eventSource, String eventName, List<String> arns, String errorCode, Instant time) {
    if (principalArn == null) {
      return Optional.empty();
    }
    return action(eventSource, eventName).map(action -> new ActivityCall(principalArn, action, resource(action, arns), time,
        errorCode != null && DENIED.contains(errorCode)));
  }

  /** The resource an action was authorized on: {@code *} for actions without resource types, else the best ARN the record names. */
  String resource(String action, List<String> arns) {
    Optional<ServiceReference.ActionInfo> info = reference == null ? Optional.empty() : reference.action(action);
    if (info.isPresent() && info.get().wildcardResourceOnly()) {
      return "*";
    }
    String service = action.substring(0, action.indexOf(':')).toLowerCase(Locale.ROOT);
    boolean objectAction = service.equals("s3") && action.toLowerCase(Locale.ROOT).contains("object");
    String fallback = null;
    for (String arn : arns) {
      if (arn == null || !arn.startsWith("arn:")) {
        continue;
      }
      boolean object = arn.startsWith("arn:aws:s3:::") && arn.indexOf('/') > 0;
      if (service.equals("s3") && object != objectAction) {
        continue;
      }
      if (arn.split(":", 4).length > 2 && arn.split(":", 4)[2].equals(service)) {
        return arn;
      }
      if (fallback == null && service.equals("sts")) {
        fallback = arn; // sts:AssumeRole is authorized on the role's iam ARN
      }
    }
    return fallback != null ? fallback : "*";
  }
}
