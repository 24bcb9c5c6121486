package dk.raaderum.platform.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

class ProblemTest {

    private static List<FieldError> errors(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new FieldError("line " + i, "not a number")).toList();
    }

    private static Problem problem(List<FieldError> errors, Map<String, Object> properties) {
        return new Problem(ProblemTypes.BUSINESS_RULE.uri(), "x", 422, "bad lines", "/x", "id", errors, properties);
    }

    @Test
    void aLongListOfErrorsIsCutAndCounted() {
        Problem cut = problem(errors(200_000), Map.of("rule", "comparison-rows"));
        assertEquals(Problem.MAX_ERRORS, cut.errors().size());
        assertEquals("line 1", cut.errors().get(0).field());
        assertEquals(200_000, cut.properties().get("errorCount"));
        assertEquals(Problem.MAX_ERRORS, cut.properties().get("errorsListed"));
        assertEquals("comparison-rows", cut.properties().get("rule"));
    }

    @Test
    void anErrorCountTheServiceGaveIsKeptAndAShortListIsAsGiven() {
        assertEquals(250_000, problem(errors(201), Map.of("errorCount", 250_000)).properties().get("errorCount"));
        Problem whole = problem(errors(Problem.MAX_ERRORS), Map.of());
        assertEquals(Problem.MAX_ERRORS, whole.errors().size());
        assertFalse(whole.properties().containsKey("errorsListed"));
    }
}
