package se.vittne.admin.playback;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.storage.testing.PostgresExtension;

/** Playback from the filesystem audio store. */
class FileSystemPlaybackIT extends PlaybackContract {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN = new AdminExtension(POSTGRES, MAIL);

  @Override
  protected AdminExtension admin() {
    return ADMIN;
  }
}
