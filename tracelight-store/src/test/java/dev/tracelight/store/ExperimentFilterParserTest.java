package dev.tracelight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelight.store.ExperimentFilter.Attribute;
import dev.tracelight.store.ExperimentFilter.Comparison;
import dev.tracelight.store.ExperimentFilter.Operator;
import dev.tracelight.store.ExperimentFilter.Tag;
import org.junit.jupiter.api.Test;

/** The experiment filter grammar, and LIKE patterns rewritten as SQLite GLOBs. */
class ExperimentFilterParserTest {

  @Test
  void attributesAndTags_joinedByAnd() {
    assertThat(ExperimentFilterParser.parse("name LIKE 'test-%' AND tags.`extra-key` = 'v'"
        + " AND attribute.creation_time > 5 and tags.\"a b\" ilike '%x' and last_update_time"
        + " <= -1").comparisons()).containsExactly(
            new Comparison(Attribute.NAME, Operator.LIKE, "test-%"),
            new Comparison(new Tag("extra-key"), Operator.EQ, "v"),
            new Comparison(Attribute.CREATION_TIME, Operator.GT, 5L),
            new Comparison(new Tag("a b"), Operator.ILIKE, "%x"),
            new Comparison(Attribute.LAST_UPDATE_TIME, Operator.LE, -1L));
    assertThat(ExperimentFilterParser.parse("  ").comparisons()).isEmpty();
  }

  @Test
  void errors_namePositionAndProblem() {
    assertThatThrownBy(() -> ExperimentFilterParser.parse("name = 'a' AND tags.k > 'b'"))
        .hasMessage("Invalid filter \"name = 'a' AND tags.k > 'b'\": at position 22, operator >"
            + " does not apply to tags.`k`; expected one of =, !=, LIKE, ILIKE");
    assertThatThrownBy(() -> ExperimentFilterParser.parse("name = a"))
        .hasMessageContaining("at position 7, expected a quoted string for name, found 'a'");
    assertThatThrownBy(() -> ExperimentFilterParser.parse("name"))
        .hasMessageContaining("expected a comparison operator (=, !=, LIKE, ILIKE) after 'name',"
            + " found end of filter");
    assertThatThrownBy(() -> ExperimentFilterParser.parse("name = 'a' name = 'b'"))
        .hasMessageContaining("expected AND or the end of the filter");
  }

  @Test
  void likeToGlob_wildcardsEscapesAndGlobSpecials() {
    assertThat(ExperimentFilterSql.glob("a%b_c")).isEqualTo("a*b?c");
    assertThat(ExperimentFilterSql.glob("50\\% of a\\_b")).isEqualTo("50% of a_b");
    assertThat(ExperimentFilterSql.glob("what?*[x]")).isEqualTo("what[?][*][[]x]");
    assertThat(ExperimentFilterSql.glob("back\\\\slash")).isEqualTo("back\\slash");
  }
}
