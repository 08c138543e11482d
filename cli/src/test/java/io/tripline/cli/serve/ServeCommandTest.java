package io.tripline.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.cli.Tripline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What `tripline serve` says when it cannot start; serving itself is tested in core (DataApiServerTest). */
class ServeCommandTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cmd = new CommandLine(new Tripline());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void aPortInUseIsNamedWithWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int code = run("serve", "--addr", "127.0.0.1:" + taken.getLocalPort());
      assertThat(code).isEqualTo(2);
      assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": address already in use")
          .contains("pick another --addr");
    }
  }

  @Test
  void aBadAddressIsAUsageError() {
    assertThat(run("serve", "--addr", "localhost")).isEqualTo(2);
    assertThat(err.toString()).contains("--addr localhost has no port");
    assertThat(run("serve", "--addr", "127.0.0.1:http")).isEqualTo(2);
    assertThat(err.toString()).contains("port \"http\" is not a number");
  }

  @Test
  void helpSaysOtherAddressesExposeThePolicies() {
    assertThat(run("serve", "--help")).isZero();
    assertThat(out.toString()).contains("Binds to 127.0.0.1 by default").contains("exposes the policies");
  }

  @Test
  void theBatchPackageIsAddedToALibraryWithoutIt() throws Exception {
    var files = new io.tripline.core.detect.PolicyFiles(java.util.Map.of("x.rego", "package tripline.rules.a.b.c\n"),
        io.tripline.rego.value.ObjectValue.EMPTY);
    assertThat(ServeCommand.withBatchPackage(files).modules()).containsKey("bundled:lib/opa_batch.rego");
  }
}
