package dev.ocikit.spec.file;

/** What a path names, in the words of {@code stat(2)}'s file types. */
public enum FileKind {
  /** A regular file. */
  REGULAR("a regular file"),
  /** A directory. */
  DIRECTORY("a directory"),
  /** A symbolic link (seen only when links are not followed). */
  SYMBOLIC_LINK("a symbolic link"),
  /** A named pipe: opening it for reading waits for a writer. */
  FIFO("a FIFO (named pipe)"),
  /** A Unix domain socket. */
  SOCKET("a socket"),
  /** A character device such as {@code /dev/zero}: reading it may never end. */
  CHARACTER_DEVICE("a character device"),
  /** A block device. */
  BLOCK_DEVICE("a block device"),
  /** Anything else the filesystem reports. */
  OTHER("a special file");

  private static final int S_IFMT = 0170000;

  private final String words;

  FileKind(String words) {
    this.words = words;
  }

  /** {@return the kind with its article, for messages: "a FIFO (named pipe)"} */
  public String words() {
    return words;
  }

  /** The kind the file type bits of a {@code st_mode} value name. */
  static FileKind ofMode(int mode) {
    return switch (mode & S_IFMT) {
      case 0100000 -> REGULAR;
      case 0040000 -> DIRECTORY;
      case 0120000 -> SYMBOLIC_LINK;
      case 0010000 -> FIFO;
      case 0140000 -> SOCKET;
      case 0020000 -> CHARACTER_DEVICE;
      case 0060000 -> BLOCK_DEVICE;
      default -> OTHER;
    };
  }
}
