package dev.ocikit.conformance.suite;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves the Java part of the scripted runtime's create from the test JVM: starting a JVM for each
 * create took about 0.8 s, most of a judge test's time. The script connects with bash's {@code
 * /dev/tcp} on the loopback address and sends the bundle, the state dir and its {@code OCIKIT_*}
 * variables, one per line, then an empty line; the answer is the exit code on one line, then
 * create's stderr. Test-only: it listens on an ephemeral loopback port for the test JVM's life.
 */
final class ScriptedCreateServer {
  private static int port;

  private ScriptedCreateServer() {}

  /** {@return the port of the one server, started on first use} */
  static synchronized int port() throws IOException {
    if (port == 0) {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread accept = new Thread(() -> serve(server), "scripted-create-server");
      accept.setDaemon(true);
      accept.start();
      port = server.getLocalPort();
    }
    return port;
  }

  private static void serve(ServerSocket server) {
    while (true) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return;
      }
      Thread t = new Thread(() -> answer(s), "scripted-create");
      t.setDaemon(true);
      t.start();
    }
  }

  private static void answer(Socket s) {
    try (s) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      String bundle = in.readLine();
      String state = in.readLine();
      Map<String, String> env = new HashMap<>();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          env.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
      PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
      int rc = 0;
      try {
        ScriptedEnv.with(env, err, () -> ScriptedRuntime.create(bundle, state));
      } catch (ScriptedRuntime.Refused e) {
        err.println("create: " + e.getMessage());
        rc = 1;
      } catch (Exception e) {
        err.println("create: " + e);
        rc = 1;
      }
      OutputStream out = s.getOutputStream();
      out.write((rc + "\n").getBytes(StandardCharsets.UTF_8));
      out.write(errBytes.toByteArray());
      out.flush();
    } catch (IOException e) {
      // The script went away; its create fails on its side.
    }
  }
}
