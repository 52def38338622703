package dev.ocikit.image.bundle;

import java.util.List;

/**
 * The runtime-spec {@code process.user} an image's {@code Config.User} stands for.
 *
 * @param uid user id
 * @param gid primary group id
 * @param additionalGids supplementary groups from {@code /etc/group}, empty when the user was
 *     numeric or a group was given, as conversion.md asks
 */
public record ResolvedUser(long uid, long gid, List<Long> additionalGids) {
  // Copies the list so the record stays immutable.
  public ResolvedUser {
    additionalGids = List.copyOf(additionalGids);
  }
}
