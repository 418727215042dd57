package se.vittne.deploy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything a Vittne process reads from its configuration, under the prefix {@code vittne}. */
@ConfigMapping(prefix = "vittne")
public interface VittneConfig {

  /** Where the process keeps its local state (spool, outbox, demo database). */
  @WithDefault("./data")
  Path dataDir();

  Database database();

  Store store();

  Capture capture();

  Admin admin();

  /** The PostgreSQL system of record. */
  interface Database {
    Optional<String> url();

    @WithDefault("vittne")
    String user();

    Optional<String> password();

    @WithDefault("10")
    int poolSize();
  }

  /** Where audio is archived. */
  interface Store {
    /** {@code filesystem} or {@code s3}. */
    @WithDefault("filesystem")
    String kind();

    /** The root directory of the filesystem store; defaults to {@code <data-dir>/audio}. */
    Optional<Path> path();

    S3 s3();

    interface S3 {
      Optional<String> endpoint();

      @WithDefault("eu-north-1")
      String region();

      Optional<String> bucket();

      Optional<String> accessKey();

      Optional<String> secretKey();

      @WithDefault("false")
      boolean pathStyle();
    }
  }

  /** A capture node. */
  interface Capture {
    /** This node's unique name; defaults to the host name. */
    Optional<String> nodeId();

    Sip sip();

    Media media();

    Management management();

    @WithDefault("1073741824")
    long diskReserveBytes();

    @WithDefault("PT2M")
    Duration drainTimeout();

    @WithDefault("PT30S")
    Duration directoryCacheTime();

    @WithDefault("PT5M")
    Duration policyRefresh();

    @WithDefault("PT2M")
    Duration licenceLeaseTime();

    @WithDefault("PT30S")
    Duration archiveMaxBackoff();

    @WithDefault("PT60S")
    Duration mediaTimeout();

    interface Sip {
      @WithDefault("0.0.0.0")
      String bind();

      /** The address written into Contact and SDP when {@code bind} is a wildcard. */
      Optional<String> advertisedAddress();

      @WithDefault("5060")
      int port();

      @WithDefault("udp,tcp")
      List<String> transports();
    }

    interface Media {
      @WithDefault("0.0.0.0")
      String bind();

      Optional<String> advertisedAddress();

      @WithDefault("20000")
      int firstPort();

      @WithDefault("39999")
      int lastPort();

      /** Where WAV files are written while calls run; defaults to {@code <data-dir>/spool}. */
      Optional<Path> spool();

      @WithDefault("1")
      int eventLoops();

      @WithDefault("1")
      int writers();
    }

    interface Management {
      @WithDefault("127.0.0.1")
      String bind();

      @WithDefault("9091")
      int port();
    }
  }

  /** The admin web app and API. */
  interface Admin {
    @WithDefault("127.0.0.1")
    String bind();

    @WithDefault("8080")
    int port();

    /** The address users reach the web app at, for links in e-mails. */
    @WithDefault("http://127.0.0.1:8080")
    String publicUrl();

    /** Networks of TLS proxies whose X-Forwarded-For and -Proto are believed. */
    Optional<List<String>> trustedProxies();

    /** When set and no operator exists, one is created with this address and invited. */
    Optional<String> initialOperatorEmail();

    Mail mail();

    /** How the admin app sends e-mail. */
    interface Mail {
      /** {@code smtp}, or {@code pickup} to write .eml files into {@code pickup-directory}. */
      @WithDefault("smtp")
      String kind();

      @WithDefault("localhost")
      String host();

      @WithDefault("587")
      int port();

      /** NONE, STARTTLS or TLS. */
      @WithDefault("STARTTLS")
      String security();

      Optional<String> username();

      Optional<String> password();

      @WithDefault("vittne@localhost")
      String from();

      Optional<Path> pickupDirectory();
    }
  }
}
