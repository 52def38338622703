/*
 * A minimal cat(1) for the sample image in testdata/images/sample: copies each file named on the
 * command line to standard output. Built freestanding (no libc) so the image stays a few kilobytes
 * and runs on any Linux kernel of its architecture: see make-sample-image.sh.
 */
#if defined(__x86_64__)
#define SYS_read 0
#define SYS_write 1
#define SYS_openat 257
#define SYS_exit 60
static long sys3(long n, long a, long b, long c) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
  return r;
}
#elif defined(__aarch64__)
#define SYS_openat 56
#define SYS_read 63
#define SYS_write 64
#define SYS_exit 93
static long sys3(long n, long a, long b, long c) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  __asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
  return x0;
}
#else
#error "x86_64 or aarch64 only"
#endif

#define AT_FDCWD -100

static long length(const char *s) {
  long n = 0;
  while (s[n]) n++;
  return n;
}

static void say(int fd, const char *s) { sys3(SYS_write, fd, (long)s, length(s)); }

static int copy(const char *path) {
  static char buf[4096];
  long fd = sys3(SYS_openat, AT_FDCWD, (long)path, 0);
  if (fd < 0) {
    say(2, "cat: cannot open ");
    say(2, path);
    say(2, "\n");
    return 1;
  }
  for (;;) {
    long n = sys3(SYS_read, fd, (long)buf, sizeof buf);
    if (n <= 0) return n < 0;
    for (long off = 0; off < n;) {
      long w = sys3(SYS_write, 1, (long)(buf + off), n - off);
      if (w <= 0) return 1;
      off += w;
    }
  }
}

/* The kernel starts us with argc at the stack pointer, argv right above it. */
__attribute__((used)) static void start(long *sp) {
  long argc = sp[0];
  char **argv = (char **)(sp + 1);
  int failed = 0;
  for (long i = 1; i < argc; i++) failed |= copy(argv[i]);
  sys3(SYS_exit, failed, 0, 0);
}

#if defined(__x86_64__)
__asm__(".globl _start\n_start:\n  mov %rsp, %rdi\n  and $-16, %rsp\n  call start\n");
#else
__asm__(".globl _start\n_start:\n  mov x0, sp\n  bl start\n");
#endif
