package se.vittne.admin.playback;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.AudioStores;
import se.vittne.storage.testing.PostgresExtension;

/** Playback from the S3 audio store (s3proxy): ranges are ranged GETs of the object. */
class S3PlaybackIT extends PlaybackContract {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN = new AdminExtension(POSTGRES, MAIL, b -> b, AudioStores.s3());

  @Override
  protected AdminExtension admin() {
    return ADMIN;
  }
}
