package dk.raaderum.platform.web.municipality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

class MunicipalitiesTest {

    @Test
    void theOfficialListHas98MunicipalitiesInFiveRegions() {
        assertEquals(98, Municipalities.all().size());
        assertEquals(5, Municipalities.all().stream().map(Municipality::regionCode).collect(Collectors.toSet()).size());
        assertEquals(98, Municipalities.all().stream().map(Municipality::code).distinct().count());
    }

    @Test
    void knowsTheMunicipalitiesOfTheReport() {
        assertEquals("Varde", Municipalities.byCode("573").orElseThrow().name());
        assertEquals("Halsnæs", Municipalities.byCode("260").orElseThrow().name());
        assertEquals("Ringsted", Municipalities.byCode("329").orElseThrow().name());
        assertEquals("Furesø", Municipalities.byCode("190").orElseThrow().name());
        assertEquals("Aarhus", Municipalities.byCode("751").orElseThrow().name());
        assertTrue(Municipalities.exists("101"));
    }

    @Test
    void rejectsCodesThatAreNotMunicipalities() {
        assertFalse(Municipalities.exists("411")); // Christiansø has a code but is no municipality
        assertFalse(Municipalities.exists("999"));
        assertFalse(Municipalities.exists(null));
        assertFalse(Municipalities.exists("0573"));
    }
}
