package se.vittne.storage.licence;

/**
 * A tenant's licence use, for its super users.
 *
 * @param licenceCount licences owned
 * @param recordings held by running recordings
 * @param listening held by open players
 * @param refusedRecordings recordings refused for want of a licence, ever
 * @param refusedListening playbacks refused for want of a licence, ever
 */
public record LicenceUsage(
    int licenceCount,
    int recordings,
    int listening,
    long refusedRecordings,
    long refusedListening) {
  public int inUse() {
    return recordings + listening;
  }
}
