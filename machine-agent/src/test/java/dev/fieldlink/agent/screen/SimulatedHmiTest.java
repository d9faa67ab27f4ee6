package dev.fieldlink.agent.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.agent.config.ScreenSettings;
import dev.fieldlink.agent.screen.simulated.HmiModel;
import dev.fieldlink.agent.screen.simulated.SimulatedHmi;
import dev.fieldlink.testing.MutableClock;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SimulatedHmiTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T08:00:00Z");

    private SimulatedHmi hmi(ScreenSettings.Model model) {
        return new SimulatedHmi(new ScreenSettings.Simulated(model, null, null, null), clock);
    }

    private static void click(SimulatedHmi hmi, String label) {
        Point p = hmi.locate(label).orElseThrow(() -> new AssertionError("no control " + label));
        hmi.pointer(p.x, p.y, 0);
        hmi.pointer(p.x, p.y, 1);
        hmi.pointer(p.x, p.y, 0);
    }

    @Test
    void clickingNavigation_andTab_changesThePage_andNamesTheControl() {
        SimulatedHmi hmi = hmi(ScreenSettings.Model.CUTTER);
        click(hmi, "Diagnostics");
        assertThat(hmi.page()).isEqualTo(HmiModel.Page.DIAGNOSTICS);

        Point sensors = hmi.locate("Diagnostics > Sensors").orElseThrow();
        assertThat(hmi.controlAt(sensors.x, sensors.y)).contains("Diagnostics > Sensors");
        assertThat(hmi.controlAt(5, 5)).isEmpty();
    }

    @Test
    void pressAndReleaseOnDifferentControls_doesNothing() {
        SimulatedHmi hmi = hmi(ScreenSettings.Model.CUTTER);
        Point jobs = hmi.locate("Jobs").orElseThrow();
        Point alarms = hmi.locate("Alarms").orElseThrow();
        hmi.pointer(jobs.x, jobs.y, 1);
        hmi.pointer(alarms.x, alarms.y, 0);
        assertThat(hmi.page()).isEqualTo(HmiModel.Page.STATUS);
    }

    @Test
    void liveSensorValues_changeWithTheClock_andOnlyChangedTilesAreDamaged() {
        SimulatedHmi hmi = hmi(ScreenSettings.Model.CUTTER);
        click(hmi, "Diagnostics");
        List<Rectangle> damage = new ArrayList<>();
        hmi.addDamageListener(damage::add);

        clock.advance(Duration.ofSeconds(3));
        List<Rectangle> changed = hmi.refresh();

        assertThat(changed).isNotEmpty();
        assertThat(damage).containsExactlyElementsOf(changed);
        int tiles = (hmi.width() / ImageScreen.TILE) * (hmi.height() / ImageScreen.TILE);
        assertThat(changed.size()).isLessThan(tiles / 2);
        assertThat(hmi.refresh()).as("nothing changes without time passing").isEmpty();
    }

    @Test
    void injectedFault_stopsTheMachine_raisesAnAlarm_andCanBeAcknowledgedOnceCleared() {
        SimulatedHmi hmi = hmi(ScreenSettings.Model.CUTTER);
        hmi.injectFault("E-214");
        assertThat(hmi.state()).isEqualTo(HmiModel.State.FAULT);

        click(hmi, "Alarms");
        hmi.clearFault("E-214");
        click(hmi, "Alarms > Acknowledge all");
        click(hmi, "Status");
        click(hmi, "Status > Start");
        assertThat(hmi.state()).isEqualTo(HmiModel.State.RUNNING);
        assertThatThrownBy(() -> hmi.injectFault("E-999")).hasMessageContaining("known: [E-214");
    }

    @Test
    void sandboxMark_isDrawnInTheHeader_only() {
        SimulatedHmi hmi = hmi(ScreenSettings.Model.CUTTER);
        List<Rectangle> damage = new ArrayList<>();
        hmi.addDamageListener(damage::add);

        hmi.setMark("SANDBOX");

        assertThat(damage).isNotEmpty().allMatch(r -> r.y < 64);
    }

    @Test
    void copyPixels_refusesRectanglesOutsideTheScreen() {
        SimulatedHmi hmi = hmi(ScreenSettings.Model.PRESS);
        assertThatThrownBy(() -> hmi.copyPixels(1200, 0, 100, 10, new int[1000], 0, 100))
                .hasMessageContaining("outside");
    }

    /** Writes screenshots of every page of both models for people to look at (target/hmi-screens). */
    @Test
    void everyPage_renders_andScreenshotsAreWritten() throws Exception {
        Path out = Path.of("target", "hmi-screens");
        Files.createDirectories(out);
        for (ScreenSettings.Model model : ScreenSettings.Model.values()) {
            SimulatedHmi hmi = hmi(model);
            hmi.injectFault(hmi.faults().get(2).code());
            for (String page : List.of("Status", "Jobs", "Alarms", "Diagnostics", "Settings")) {
                click(hmi, page);
                BufferedImage image = hmi.snapshot();
                assertThat(distinctColours(image)).isGreaterThan(20);
                ImageIO.write(
                        image,
                        "png",
                        out.resolve(model.name().toLowerCase() + "-" + page.toLowerCase() + ".png")
                                .toFile());
            }
        }
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
