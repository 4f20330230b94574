package org.hotline.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.core.model.AppealType;
import org.hotline.core.model.Channel;
import org.hotline.core.model.DepartmentLevel;
import org.hotline.core.model.Urgency;
import org.hotline.core.time.ClockName;
import org.hotline.core.time.TimeLimit;
import org.hotline.core.wire.SeedLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedCatalogTest {

    private static final Seed SEED = SeedLoader.fromClasspath();

    @Test
    void theBuiltInCityHasDistrictsStreetsDepartmentsAndUtilities() {
        assertThat(SEED.city()).isEqualTo("中原市");
        assertThat(SEED.departments().atLevel(DepartmentLevel.DISTRICT)).hasSize(6);
        assertThat(SEED.departments().children("d.dongcheng")).hasSize(4);
        assertThat(SEED.departments().all().stream().filter(d -> d.functional())).hasSizeGreaterThanOrEqualTo(35);
        assertThat(SEED.departments().find("util.heat").orElseThrow().name()).contains("热力");
    }

    @Test
    void theCatalogHasThreeLevelsWithRoutingHints() {
        assertThat(SEED.categories().children(null)).hasSizeGreaterThanOrEqualTo(12);
        assertThat(SEED.categories().find("110401").orElseThrow().path()).containsExactly("水电气暖", "供暖", "暖气不热");
        assertThat(SEED.categories().departmentsFor("110401")).containsExactly("util.heat");
        assertThat(SEED.categories().departmentsFor("010201")).containsExactly("urban");
    }

    @Test
    void theTimeLimitTableFollowsTheDomainDefaults() {
        TimeLimitTable table = SEED.timeLimits();
        assertThat(table.limitsFor(AppealType.COMPLAINT, Urgency.EMERGENCY, "110401", Channel.PHONE).limit(ClockName.SIGN))
                .contains(TimeLimit.minutes(30));
        assertThat(table.limitsFor(AppealType.COMPLAINT, Urgency.NORMAL, "110401", Channel.PHONE).limit(ClockName.HANDLE))
                .contains(TimeLimit.hours(24));
        assertThat(table.limitsFor(AppealType.REPORT, Urgency.NORMAL, "010201", Channel.WEB).limit(ClockName.HANDLE))
                .contains(TimeLimit.workingDays(15));
        var ordinary = table.limitsFor(AppealType.HELP, Urgency.NORMAL, null, Channel.WEB);
        assertThat(ordinary.limit(ClockName.HANDLE)).contains(TimeLimit.workingDays(5));
        assertThat(ordinary.limit(ClockName.RETURN_WINDOW)).contains(TimeLimit.workingDays(2));
        assertThat(ordinary.maxExtensions()).isEqualTo(1);
        assertThat(ordinary.maxExtension()).isEqualTo(TimeLimit.workingDays(10));
    }

    @Test
    void anAdministratorsDirectoryReplacesTheSeedWithoutCode(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("departments.json"), """
                {"city": {"name": "示例县", "zone": "Asia/Shanghai"},
                 "departments": [{"id": "county", "name": "示例县人民政府", "level": "DISTRICT", "functional": false}]}""");
        Files.writeString(dir.resolve("categories.json"), """
                {"categories": [{"code": "010000", "name": "城乡建设", "departments": ["county"]}]}""");
        Files.writeString(dir.resolve("time-limits.json"), """
                {"rules": [{"name": "一般", "clocks": {"HANDLE": "3wd"}, "maxExtensions": 0}]}""");
        Files.createDirectories(dir.resolve("holidays"));
        Files.writeString(dir.resolve("holidays/2028.json"), """
                {"year": 2028, "days": [{"name": "元旦", "date": "2028-01-03", "isOffDay": true}]}""");
        Seed seed = SeedLoader.fromDirectory(dir);
        assertThat(seed.city()).isEqualTo("示例县");
        assertThat(seed.calendar().knowsYear(2028)).isTrue();
        assertThat(seed.timeLimits().limitsFor(AppealType.HELP, Urgency.NORMAL, null, Channel.WEB).limit(ClockName.HANDLE))
                .contains(TimeLimit.workingDays(3));
    }

    @Test
    void aNewHolidayYearCanBeAddedToARunningSeed() {
        Seed next = SeedLoader.withHolidayYear(SEED, """
                {"year": 2028, "days": [{"name": "元旦", "date": "2028-01-03", "isOffDay": true}]}""");
        assertThat(next.calendar().knowsYear(2028)).isTrue();
        assertThat(next.timeLimits().deadlines().calendar().isWorkingDay(java.time.LocalDate.parse("2028-01-03"))).isFalse();
        assertThat(SEED.calendar().knowsYear(2028)).isFalse();
    }

    @Test
    void anInconsistentSeedIsRefusedWithAMessage() {
        String departments = """
                {"city": {"name": "x"}, "departments": [{"id": "a", "name": "A", "level": "CITY", "functional": true}]}""";
        assertThatThrownBy(() -> SeedLoader.fromJson(departments,
                "{\"categories\": [{\"code\": \"010000\", \"name\": \"城建\", \"departments\": [\"nobody\"]}]}",
                "{\"rules\": [{\"name\": \"一般\", \"clocks\": {\"HANDLE\": \"5wd\"}}]}", List.of()))
                .hasMessageContaining("unknown department nobody");
        assertThatThrownBy(() -> SeedLoader.fromJson(departments, "{\"categories\": []}",
                "{\"rules\": [{\"name\": \"特急\", \"urgencies\": [\"EMERGENCY\"], \"clocks\": {\"HANDLE\": \"2h\"}}]}", List.of()))
                .hasMessageContaining("last time-limit rule must match every ticket");
    }
}
