package se.vittne.admin.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 and what Swedish spreadsheets write. */
class CsvTest {
  @Test
  void readsCommaSeparatedRecordsWithTheirLines() throws Exception {
    List<Csv.Record> records = Csv.parse("a,b\n1,2\n3,4\n", 10);

    assertThat(records)
        .extracting(Csv.Record::fields)
        .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
    assertThat(records).extracting(Csv.Record::line).containsExactly(1, 2, 3);
  }

  @Test
  void takesTheDelimiterFromTheHeader() throws Exception {
    assertThat(Csv.parse("a;b\n1,5;2\n", 10).get(1).fields()).containsExactly("1,5", "2");
    assertThat(Csv.parse("a\tb\n1\t2\n", 10).get(1).fields()).containsExactly("1", "2");
  }

  @Test
  void unquotesFieldsWithDelimitersQuotesAndLineBreaks() throws Exception {
    List<Csv.Record> records =
        Csv.parse("a,b\n\"Berg, Bo\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\nlast,y", 10);

    assertThat(records.get(1).fields()).containsExactly("Berg, Bo", "say \"hi\"");
    assertThat(records.get(2).fields()).containsExactly("two\nlines", "x");
    assertThat(records.get(3).line()).as("a record after a quoted line break").isEqualTo(5);
    assertThat(records.get(3).fields()).containsExactly("last", "y");
  }

  @Test
  void handlesCrLfAndAByteOrderMark() throws Exception {
    List<Csv.Record> records = Csv.parse("\uFEFFa,b\r\n1,2\r\n", 10);

    assertThat(records).hasSize(2);
    assertThat(records.get(0).fields()).containsExactly("a", "b");
  }

  @Test
  void keepsEmptyFieldsAndKnowsBlankRecords() throws Exception {
    List<Csv.Record> records = Csv.parse("a,b,c\n,,\n1,,3\n", 10);

    assertThat(records.get(1).blank()).isTrue();
    assertThat(records.get(2).fields()).containsExactly("1", "", "3");
  }

  @Test
  void refusesBrokenQuotingWithTheLine() {
    assertThatThrownBy(() -> Csv.parse("a\n\"open\n", 10))
        .isInstanceOfSatisfying(Csv.CsvException.class, e -> assertThat(e.line()).isEqualTo(2));
    assertThatThrownBy(() -> Csv.parse("a\nx\"y\n", 10))
        .isInstanceOfSatisfying(Csv.CsvException.class, e -> assertThat(e.line()).isEqualTo(2));
    assertThatThrownBy(() -> Csv.parse("a\n\"x\"y\n", 10)).isInstanceOf(Csv.CsvException.class);
  }

  @Test
  void refusesMoreRecordsThanAllowed() {
    assertThatThrownBy(() -> Csv.parse("a\n1\n2\n3\n", 2)).isInstanceOf(Csv.CsvException.class);
  }

  @Test
  void readsYesNoAndRolesInEnglishAndSwedish() {
    assertThat(ImportFile.yesNo("Ja")).contains(true);
    assertThat(ImportFile.yesNo("nej")).contains(false);
    assertThat(ImportFile.yesNo("")).contains(false);
    assertThat(ImportFile.yesNo("kanske")).isEmpty();
    assertThat(ImportFile.role("Super user")).contains(se.vittne.storage.directory.UserRole.SUPER);
    assertThat(ImportFile.role("Begränsad"))
        .contains(se.vittne.storage.directory.UserRole.RESTRICTED);
    assertThat(ImportFile.role("min konsol"))
        .contains(se.vittne.storage.directory.UserRole.MY_CONSOLE);
    assertThat(ImportFile.role("admin")).isEmpty();
  }

  @Test
  void keysAreMadeFromNamesAndNumberedWhenTaken() {
    assertThat(Keys.from("Försäljning Syd", k -> false)).isEqualTo("forsaljning-syd");
    assertThat(Keys.from("Kundtjänst", k -> k.equals("kundtjanst"))).isEqualTo("kundtjanst-2");
    assertThat(Keys.from("!!!", k -> false)).isEqualTo("item");
  }
}
