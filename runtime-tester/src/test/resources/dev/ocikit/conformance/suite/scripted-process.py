# The scripted runtime's container process for configs whose effects only the kernel can show
# (seccomp, a terminal, scheduling): started by scripted-process.sh inside `unshare --user
# --map-root-user --mount`, so it needs no root and its mounts never reach the host. At create it
# binds the config's bind mounts and the host's /proc into the rootfs, chroots there, makes the pty
# and sends its master to --console-socket, sets scheduler and I/O priority, and for an
# SCMP_ACT_NOTIFY rule loads the filter and sends the notify fd to listenerPath; then it writes
# "ready" (or "failed" with the reason) in the container's state dir. At start ("go") it loads any
# other filter and execs process.args. The seccomp filter is real BPF loaded with seccomp(2) under
# no_new_privs, which an unprivileged process may do, so the kernel enforces every action.
# Arguments: BUNDLE STATE_DIR CONSOLE_SOCKET ("" for none). $OCIKIT_SCRIPTED_VIOLATION names the
# one test whose property this process gets wrong (the `broken` calls).
import array
import ctypes
import fcntl
import json
import os
import re
import socket
import struct
import sys
import termios
import time

VIOLATION = os.environ.get("OCIKIT_SCRIPTED_VIOLATION", "")
LIBC = ctypes.CDLL(None, use_errno=True)
MS_BIND, MS_REC = 0x1000, 0x4000


def broken(test_id):
    return VIOLATION == test_id


class Failure(Exception):
    """A config this process cannot apply: create fails with this message, as a runtime's would."""


def check(rc, what):
    if rc < 0:
        err = ctypes.get_errno()
        raise Failure("%s: %s" % (what, os.strerror(err)))
    return rc


def bind(source, target):
    check(LIBC.mount(source.encode(), target.encode(), None, MS_BIND | MS_REC, None),
          "bind %s on %s" % (source, target))


def mount_point(rootfs, dest, is_dir):
    path = os.path.join(rootfs, dest.lstrip("/"))
    if is_dir:
        os.makedirs(path, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if not os.path.exists(path):
            open(path, "a").close()
    return path


def mounts(cfg, rootfs):
    """Bind mounts as listed; /proc is the host's (a fresh proc needs a pid namespace)."""
    for m in cfg.get("mounts", []):
        dest = m.get("destination", "")
        if dest == "/proc":
            bind("/proc", mount_point(rootfs, dest, True))
        elif m.get("type") == "bind" or "bind" in m.get("options", []) or "rbind" in m.get(
                "options", []):
            src = m["source"]
            bind(src, mount_point(rootfs, dest, os.path.isdir(src)))
        # tmpfs, devpts, sysfs, mqueue, cgroup: not what these judges look at.


# --- seccomp -------------------------------------------------------------------------------------

ACTIONS = {
    "SCMP_ACT_KILL": 0x00000000, "SCMP_ACT_KILL_THREAD": 0x00000000,
    "SCMP_ACT_KILL_PROCESS": 0x80000000, "SCMP_ACT_TRAP": 0x00030000,
    "SCMP_ACT_ERRNO": 0x00050000, "SCMP_ACT_TRACE": 0x7ff00000, "SCMP_ACT_LOG": 0x7ffc0000,
    "SCMP_ACT_NOTIFY": 0x7fc00000, "SCMP_ACT_ALLOW": 0x7fff0000,
}
FLAGS = {"SECCOMP_FILTER_FLAG_TSYNC": 1, "SECCOMP_FILTER_FLAG_LOG": 2,
         "SECCOMP_FILTER_FLAG_SPEC_ALLOW": 4}
NEW_LISTENER = 8
AUDIT_ARCH_X86_64 = 0xC000003E
SYS_SECCOMP, PR_SET_NO_NEW_PRIVS = 317, 38
LD_ABS, JEQ, RET, ALU_AND = 0x20, 0x15, 0x06, 0x54
# Used when the kernel headers are not installed.
KNOWN_SYSCALLS = {"kill": 62, "mkdir": 83, "rmdir": 84, "mkdirat": 258}


def syscall_numbers():
    numbers = dict(KNOWN_SYSCALLS)
    try:
        with open("/usr/include/x86_64-linux-gnu/asm/unistd_64.h") as f:
            for name, nr in re.findall(r"#define __NR_(\w+) (\d+)", f.read()):
                numbers[name] = int(nr)
    except OSError:
        pass
    return numbers


def action(name, errno_ret):
    if name not in ACTIONS:
        raise Failure("seccomp action %s is not supported" % name)
    if name == "SCMP_ACT_KILL_PROCESS" and broken("seccomp.kill-process"):
        return ACTIONS["SCMP_ACT_ALLOW"]  # broken: treated as unknown and left out
    if name == "SCMP_ACT_KILL" and broken("seccomp.kill"):
        return ACTIONS["SCMP_ACT_ERRNO"] | 1  # broken: denies with EPERM instead of killing
    if name == "SCMP_ACT_TRAP" and broken("seccomp.trap"):
        return ACTIONS["SCMP_ACT_ALLOW"]  # broken: no SIGSYS
    if name == "SCMP_ACT_LOG" and broken("seccomp.log"):
        return ACTIONS["SCMP_ACT_ERRNO"] | 1  # broken: a logged call is denied
    if name in ("SCMP_ACT_ERRNO", "SCMP_ACT_TRACE"):
        if errno_ret is None:
            errno_ret = 0 if broken("seccomp.errno-default") else 1  # EPERM unless broken
        elif broken("seccomp.errno-ret"):
            errno_ret = 1  # broken: errnoRet ignored
        return ACTIONS[name] | (errno_ret & 0xFFFF)
    return ACTIONS[name]


def insn(code, k, jt=0, jf=0):
    return [code, jt, jf, k]


def arg_checks(args):
    """Instructions matching every argument condition; each failing jump is fixed up later (-1)."""
    out = []
    for a in args:
        off = 16 + 8 * a["index"]
        value, op = a.get("value", 0), a["op"]
        if op == "SCMP_CMP_EQ":
            hi, lo, mask = value >> 32, value & 0xFFFFFFFF, None
        elif op == "SCMP_CMP_MASKED_EQ":
            want = a.get("valueTwo", 0)
            hi, lo, mask = want >> 32, want & 0xFFFFFFFF, value
        else:
            raise Failure("seccomp operator %s is not supported by this runtime" % op)
        for word, woff, wmask in ((hi, off + 4, None if mask is None else mask >> 32),
                                  (lo, off, None if mask is None else mask & 0xFFFFFFFF)):
            out.append(insn(LD_ABS, woff))
            if wmask is not None:
                out.append(insn(ALU_AND, wmask))
            out.append(insn(JEQ, word, 0, -1))
    return out


def program(seccomp, numbers):
    default = action(seccomp["defaultAction"], seccomp.get("defaultErrnoRet"))
    prog = [insn(LD_ABS, 4), insn(JEQ, AUDIT_ARCH_X86_64, 1, 0), insn(RET, default)]
    for rule in seccomp.get("syscalls", []):
        act = action(rule["action"], rule.get("errnoRet"))
        args = [] if broken("seccomp.args-filter") else rule.get("args", [])
        for name in rule["names"]:
            if name not in numbers:
                continue  # unknown on this architecture, as runc skips it
            block = [insn(LD_ABS, 0), insn(JEQ, numbers[name], 0, -1)] + arg_checks(args)
            block.append(insn(RET, act))
            for i, ins in enumerate(block):
                if ins[2] == -1:
                    ins[2] = len(block) - i - 1  # past this block's RET
            prog += block
    prog.append(insn(RET, default))
    return prog


def load(seccomp, notify):
    """Loads the filter with seccomp(2); returns the notify fd when asked for one."""
    if os.uname().machine != "x86_64":
        raise Failure("this runtime builds seccomp filters for x86_64 only")
    prog = program(seccomp, syscall_numbers())
    raw = b"".join(struct.pack("HBBI", c, jt, jf, k) for c, jt, jf, k in prog)
    buf = ctypes.create_string_buffer(raw)

    class Fprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = Fprog(len(prog), ctypes.addressof(buf))
    flags = 0
    for f in seccomp.get("flags", []):
        if f not in FLAGS:
            raise Failure("seccomp flag %s is not supported" % f)
        if not (f == "SECCOMP_FILTER_FLAG_LOG" and broken("seccomp.flags.log")):  # broken: dropped
            flags |= FLAGS[f]
    if notify:
        flags |= NEW_LISTENER
    check(LIBC.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl(PR_SET_NO_NEW_PRIVS)")
    LIBC.syscall.restype = ctypes.c_long
    return check(LIBC.syscall(SYS_SECCOMP, 1, ctypes.c_ulong(flags), ctypes.byref(fprog)),
                 "seccomp(SECCOMP_SET_MODE_FILTER)")


def send(path, payload, fd, what):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
        anc = [] if fd is None else [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [fd]))]
        s.sendmsg([payload], anc)
    except OSError as e:
        raise Failure("%s %s: %s" % (what, path, e.strerror))
    finally:
        s.close()


def notify(cfg, bundle, state_dir, fd):
    """The container process state of config-linux.md "The Container Process State"."""
    seccomp = cfg["linux"]["seccomp"]
    pid = os.getpid()
    state = {"ociVersion": "1.3.0", "id": os.path.basename(state_dir), "status": "creating",
             "pid": pid, "bundle": bundle}
    msg = {"ociVersion": "1.3.0", "fds": ["seccompFd"], "pid": pid,
           "metadata": seccomp.get("listenerMetadata", ""), "state": state}
    sent = None if broken("seccomp.notify.listener") else fd  # broken: the fd is left out
    try:
        send(seccomp["listenerPath"], json.dumps(msg).encode(), sent, "seccomp listenerPath")
    except Failure:
        if not broken("seccomp.notify.listener-missing"):  # broken: runs without a listener
            raise
    os.close(fd)


# --- terminal, scheduling ------------------------------------------------------------------------


def terminal(proc, console_socket, rootfs):
    """The pty for a terminal process: returns the slave, after sending the master."""
    if not console_socket:
        raise Failure("process.terminal is true but no --console-socket was given")
    master, slave = os.openpty()
    size = proc.get("consoleSize")
    if size:
        fcntl.ioctl(master, termios.TIOCSWINSZ,
                    struct.pack("HHHH", size.get("height", 0), size.get("width", 0), 0, 0))
    sent = master
    if broken("process.terminal.pty-io"):
        sent, _ = os.openpty()  # broken: the master of another pty; the real one leaks on
    send(console_socket, os.ttyname(slave).encode(), sent, "console socket")
    if broken("process.terminal.pty-io"):
        os.set_inheritable(master, True)  # kept open by the process, so its pty never hangs up
    else:
        os.close(master)
    # /dev/console is the pty (config-linux.md "Default Devices"); /dev/pts for its name.
    bind("/dev/pts", mount_point(rootfs, "/dev/pts", True))
    console = "/dev/null" if broken("linux.default-devices.console") else os.ttyname(slave)
    bind(console, mount_point(rootfs, "/dev/console", False))
    return slave


def priorities(proc):
    sched = proc.get("scheduler")
    if sched:
        policies = {"SCHED_OTHER": os.SCHED_OTHER, "SCHED_BATCH": os.SCHED_BATCH,
                    "SCHED_IDLE": os.SCHED_IDLE}
        policy = sched.get("policy")
        if policy not in policies:
            raise Failure("scheduler policy %s needs privileges this runtime lacks" % policy)
        if not broken("process.scheduler.batch-nice"):  # broken: only nice is applied
            os.sched_setscheduler(0, policies[policy], os.sched_param(0))
        os.setpriority(os.PRIO_PROCESS, 0, sched.get("nice", 0))
    io = proc.get("ioPriority")
    if io and not broken("process.io-priority.best-effort"):  # broken: left unset
        classes = {"IOPRIO_CLASS_RT": 1, "IOPRIO_CLASS_BE": 2, "IOPRIO_CLASS_IDLE": 3}
        value = classes[io["class"]] << 13 | io.get("priority", 0)
        check(LIBC.syscall(251, 1, 0, value), "ioprio_set")  # x86_64 ioprio_set, IOPRIO_WHO_PROCESS


def stdio(fd):
    for n in (0, 1, 2):
        os.dup2(fd, n)


def main():
    bundle, state_dir, console_socket = sys.argv[1], sys.argv[2], sys.argv[3]
    state = os.open(state_dir, os.O_RDONLY | os.O_DIRECTORY)
    try:
        with open(os.path.join(bundle, "config.json")) as f:
            cfg = json.load(f)
        proc, linux = cfg.get("process", {}), cfg.get("linux", {})
        rootfs = os.path.join(bundle, cfg.get("root", {}).get("path", "rootfs"))
        null = os.open("/dev/null", os.O_RDWR)
        mounts(cfg, rootfs)
        slave = None
        if proc.get("terminal"):
            slave = terminal(proc, console_socket, rootfs)
        elif proc.get("consoleSize") and broken("process.console-size-without-terminal"):
            # broken: a pty for the size, though terminal is false; its master stays open
            master, slave = os.openpty()
            os.set_inheritable(master, True)
        priorities(proc)
        seccomp = linux.get("seccomp")
        wants_notify = bool(seccomp) and any(
            r.get("action") == "SCMP_ACT_NOTIFY" for r in seccomp.get("syscalls", []))
        if wants_notify:
            notify(cfg, bundle, state_dir, load(seccomp, True))
        os.chroot(rootfs)
        os.chdir("/")
    except (Failure, OSError, KeyError, ValueError) as e:
        with open(os.path.join(state_dir, "failed"), "w") as f:
            f.write(str(e))
        sys.exit(1)
    os.close(os.open("ready", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=state))
    while True:
        try:
            os.stat("go", dir_fd=state)
            break
        except FileNotFoundError:
            time.sleep(0.02)

    def read(name):
        fd = os.open(name, os.O_RDONLY, dir_fd=state)
        with os.fdopen(fd, "rb") as f:
            return f.read().decode()

    argv = read("argv").split("\0")[:-1]
    env = dict(kv.split("=", 1) for kv in read("env").split("\0")[:-1] if "=" in kv)
    cwd = read("cwd") or "/"
    os.close(state)
    try:
        os.chdir(cwd)
    except OSError:
        pass  # as the scripted runtime's plain process: the root instead
    if slave is not None:
        if os.getsid(0) != os.getpid():
            os.setsid()
        stdio(slave)
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)
        if broken("process.terminal.console-socket"):
            os.dup2(null, 2)  # broken: stderr is not the terminal
    else:
        stdio(null)
    if seccomp and not wants_notify:
        load(seccomp, False)  # as late as possible: the filter also judges this process's calls
    os.execve(argv[0], argv, env)


if __name__ == "__main__":
    main()
