package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdamaven.deploy.ReleaseHistory.Event;
import dev.lambdamaven.deploy.ReleaseHistory.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReleaseHistoryTest {

    private static final Instant T = Instant.parse("2026-12-01T20:00:00Z");

    private static Event e(Kind kind, String version, Double weight, String from) {
        return new Event(kind, version, weight, from, T);
    }

    private static ReleaseHistory of(Event... events) {
        ReleaseHistory history = ReleaseHistory.EMPTY;
        for (Event event : events) {
            history = history.with(event);
        }
        return history;
    }

    @Test
    void survivesTheAliasDescriptionItIsWrittenTo() {
        ReleaseHistory history = of(e(Kind.RELEASE, "1", null, null), e(Kind.CANARY, "2", 0.1, "1"),
                e(Kind.PROMOTE, "2", null, "1"), e(Kind.ROLLBACK, "1", null, "2"));

        String description = history.description();
        ReleaseHistory read = ReleaseHistory.parse(description);

        assertThat(description).startsWith("lambda-maven-plugin history: r1<-@").contains(" c2:0.1<1@", " p2<1@", " b1<2@");
        assertThat(read.events()).isEqualTo(history.events());
        assertThat(read.events().get(0).time()).isEqualTo(T);
    }

    @Test
    void aRollbackPopsTheReleaseStackSoASecondOneGoesFurtherBack() {
        ReleaseHistory history = of(e(Kind.RELEASE, "1", null, null), e(Kind.RELEASE, "2", null, "1"),
                e(Kind.RELEASE, "3", null, "2"), e(Kind.ROLLBACK, "2", null, "3"));

        assertThat(history.releases()).containsExactly("1", "2");
        assertThat(history.rolledBack()).containsExactly("3");
        assertThat(history.with(e(Kind.ROLLBACK, "1", null, "2")).releases()).containsExactly("1");
        assertThat(history.with(e(Kind.ROLLBACK, "1", null, "2")).rolledBack()).containsExactlyInAnyOrder("2", "3");
    }

    @Test
    void aNewReleaseAfterARollbackIsUndoneBackToWhereTheRollbackPutTheAlias() {
        ReleaseHistory history = of(e(Kind.RELEASE, "4", null, null), e(Kind.RELEASE, "5", null, "4"),
                e(Kind.RELEASE, "6", null, "5"), e(Kind.ROLLBACK, "5", null, "6"), e(Kind.RELEASE, "7", null, "5"));

        assertThat(history.releases()).containsExactly("4", "5", "7");
        assertThat(history.rolledBack()).containsExactly("6");
        assertThat(history.inEffect()).containsExactly(true, true, false, true, true);
    }

    @Test
    void aReleasedAgainVersionIsNoLongerRolledBack() {
        ReleaseHistory history = of(e(Kind.RELEASE, "1", null, null), e(Kind.RELEASE, "2", null, "1"),
                e(Kind.ROLLBACK, "1", null, "2"), e(Kind.RELEASE, "2", null, "1"));

        assertThat(history.rolledBack()).isEmpty();
        assertThat(history.rollbackOf("2")).isEmpty();
        assertThat(history.releases()).containsExactly("1", "2");
    }

    @Test
    void anEndedCanaryIsRolledBackAndLeavesTheReleasesAlone() {
        ReleaseHistory history = of(e(Kind.RELEASE, "1", null, null), e(Kind.CANARY, "2", 0.25, "1"),
                e(Kind.ROLLBACK, "1", null, "2"));

        assertThat(history.releases()).containsExactly("1");
        assertThat(history.rolledBack()).containsExactly("2");
        assertThat(history.rollbackOf("2")).map(Event::version).contains("1");
        assertThat(history.inEffect()).containsExactly(true, false, true);
    }

    @Test
    void theOldestEventsGoSoThatTheDescriptionFitsLambdasLimit() {
        ReleaseHistory history = ReleaseHistory.EMPTY;
        for (int v = 1; v <= 40; v++) {
            history = history.with(e(Kind.RELEASE, String.valueOf(1000 + v), null, String.valueOf(999 + v)));
        }

        assertThat(history.description().length()).isLessThanOrEqualTo(256);
        assertThat(history.events().size()).isGreaterThanOrEqualTo(12);
        assertThat(history.releases()).last().isEqualTo("1040");
        assertThat(ReleaseHistory.parse(history.description()).events()).isEqualTo(history.events());
    }

    @Test
    void aDescriptionWrittenByHandHoldsNoHistoryAndUnreadableEventsAreSkipped() {
        assertThat(ReleaseHistory.parse("Production alias, do not touch").isEmpty()).isTrue();
        assertThat(ReleaseHistory.ours("Production alias, do not touch")).isFalse();
        assertThat(ReleaseHistory.ours(null)).isTrue();
        assertThat(ReleaseHistory.parse(null).isEmpty()).isTrue();
        assertThat(ReleaseHistory.parse("lambda-maven-plugin history: r1<-@tb4k7s x9<1@tb4k7s garbage r2<1@tb4k9z")
                .releases()).containsExactly("1", "2");
    }
}
