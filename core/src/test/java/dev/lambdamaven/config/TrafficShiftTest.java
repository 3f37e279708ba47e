package dev.lambdamaven.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrafficShiftTest {

    @Test
    void aCanaryIsOneStepThenAllTraffic() {
        TrafficShift shift = TrafficShift.parse("trafficShift", "canary 10% for 5m");

        assertThat(shift.steps()).containsExactly(new TrafficShift.Step(0.1, Duration.ofMinutes(5)));
        assertThat(shift.total()).isEqualTo(Duration.ofMinutes(5));
        assertThat(shift.steps().get(0).percent()).isEqualTo("10%");
    }

    @Test
    void aLinearShiftAddsTheShareEachIntervalUntilAllTraffic() {
        TrafficShift shift = TrafficShift.parse("trafficShift", "Linear 10% every 1m");

        assertThat(shift.steps()).extracting(TrafficShift.Step::weight)
                .containsExactly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
        assertThat(shift.total()).isEqualTo(Duration.ofMinutes(9));
        assertThat(TrafficShift.parse("trafficShift", "linear 30% every 500ms").steps())
                .extracting(TrafficShift.Step::weight).containsExactly(0.3, 0.6, 0.9);
        assertThat(TrafficShift.parse("trafficShift", "linear 12.5% every 2s").steps()).hasSize(7)
                .extracting(TrafficShift.Step::percent).startsWith("12.5%", "25%");
    }

    @Test
    void aScheduleThatIsNotOneFailsNamingTheForms() {
        assertThatThrownBy(() -> TrafficShift.parse("trafficShift", "10% now"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("<trafficShift> = '10% now'")
                .hasMessageContaining("canary 10% for 5m").hasMessageContaining("linear 10% every 1m");
        assertThatThrownBy(() -> TrafficShift.parse("trafficShift", "canary 10% every 5m"))
                .hasMessageContaining("canary <percent>% for");
        assertThatThrownBy(() -> TrafficShift.parse("trafficShift", "linear 100% every 1m"))
                .hasMessageContaining("between 0% and 100%");
        assertThatThrownBy(() -> TrafficShift.parse("trafficShift", "canary 5% for 0s"))
                .hasMessageContaining("more than 0");
    }

    @Test
    void aShiftAndAWeightAreNotBoth() {
        TrafficShift shift = TrafficShift.parse("trafficShift", "canary 10% for 5m");
        assertThatThrownBy(() -> new AliasSpec("live", 0.1, shift, null)).hasMessageContaining("<trafficShift>")
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> new AliasSpec("live", null, null, "{}".getBytes()))
                .hasMessageContaining("<smokePayload>");
    }
}
