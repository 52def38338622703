package dev.ocikit.image.verify;

import java.util.Arrays;

/**
 * The paths of one layer as 128-bit hashes in an open-addressing table: memory stays at 16 bytes a
 * slot however long the names are, and is capped at {@link #MAX_PATHS}. Each path is an entry of
 * the tar (a file or a directory) or only implied as the parent of one. Accidental collisions of
 * the 125 hash bits kept are out of reach for any real layer (below 2<sup>-80</sup> at the cap).
 */
final class PathSet {
  /** At most this many paths are kept (a 16 MiB table); {@link #full()} reports reaching it. */
  static final int MAX_PATHS = 1 << 19;

  private static final int EXPLICIT = 1;
  private static final int DIRECTORY = 2;
  private static final int OCCUPIED = 4; // keeps a used slot non-zero whatever the hash
  private static final long FLAGS = EXPLICIT | DIRECTORY | OCCUPIED;

  /** What {@link #addEntry} found. */
  enum Added {
    NEW,
    DUPLICATE,
    FULL
  }

  private long[] table = new long[2 * 1024]; // (hi, lo|flags) pairs; lo == 0 is an empty slot
  private int size;
  private boolean full;

  /** Adds a tar entry's path; a second entry for one path is a duplicate. */
  Added addEntry(String path, boolean directory) {
    int slot = find(path);
    if (slot >= 0) {
      if ((table[slot + 1] & EXPLICIT) != 0) {
        return Added.DUPLICATE;
      }
      table[slot + 1] |= EXPLICIT | (directory ? DIRECTORY : 0);
      return Added.NEW;
    }
    return insert(path, EXPLICIT | (directory ? DIRECTORY : 0)) ? Added.NEW : Added.FULL;
  }

  /** Adds a directory implied by an entry below it; false when it was known already. */
  boolean addParent(String path) {
    return find(path) < 0 && insert(path, DIRECTORY);
  }

  /** True when the layer has an entry for {@code path} that is not a directory. */
  boolean hasNonDirectoryEntry(String path) {
    int slot = find(path);
    return slot >= 0 && (table[slot + 1] & (EXPLICIT | DIRECTORY)) == EXPLICIT;
  }

  /** True once a path was refused because the set held {@link #MAX_PATHS}. */
  boolean full() {
    return full;
  }

  int size() {
    return size;
  }

  /** The first halves of every path's hash, sorted, for {@link #contains(long[], String)}. */
  long[] sortedKeys() {
    long[] out = new long[size];
    int n = 0;
    for (int i = 0; i < table.length; i += 2) {
      if (table[i + 1] != 0) {
        out[n++] = table[i];
      }
    }
    Arrays.sort(out);
    return out;
  }

  /** Whether {@code keys} from {@link #sortedKeys()} hold {@code path} (64 bits compared). */
  static boolean contains(long[] keys, String path) {
    return Arrays.binarySearch(keys, hash(path, SEED_HI)) >= 0;
  }

  private int find(String path) {
    long hi = hash(path, SEED_HI);
    long lo = hash(path, SEED_LO) & ~FLAGS;
    int mask = table.length / 2 - 1;
    for (int i = (int) (hi ^ (hi >>> 32)) & mask; ; i = (i + 1) & mask) {
      long l = table[2 * i + 1];
      if (l == 0) {
        return -1;
      }
      if (table[2 * i] == hi && (l & ~FLAGS) == lo) {
        return 2 * i;
      }
    }
  }

  private boolean insert(String path, int flags) {
    if (size >= MAX_PATHS) {
      full = true;
      return false;
    }
    if ((size + 1) * 4L > (table.length / 2) * 3L) {
      grow();
    }
    place(hash(path, SEED_HI), (hash(path, SEED_LO) & ~FLAGS) | flags | OCCUPIED);
    size++;
    return true;
  }

  private void place(long hi, long loAndFlags) {
    int mask = table.length / 2 - 1;
    int i = (int) (hi ^ (hi >>> 32)) & mask;
    while (table[2 * i + 1] != 0) {
      i = (i + 1) & mask;
    }
    table[2 * i] = hi;
    table[2 * i + 1] = loAndFlags;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i + 1] != 0) {
        place(old[i], old[i + 1]);
      }
    }
  }

  private static final long SEED_HI = 0x9E3779B97F4A7C15L;
  private static final long SEED_LO = 0xC2B2AE3D27D4EB4FL;

  /** FNV-1a over the UTF-16 code units, seeded, then murmur3's 64-bit finalizer. */
  static long hash(String s, long seed) {
    long h = seed ^ s.length();
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001B3L;
      h = Long.rotateLeft(h, 23) ^ seed;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }
}
