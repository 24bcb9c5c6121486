package dk.raaderum.platform.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.platform.web.testapp.NoteRequest;

import org.junit.jupiter.api.Test;

/** A document beyond Jackson's reading limits is the sender's 400 in the platform's words, never a 500. */
class JsonFieldErrorsTest {

    private static final ObjectMapper LIMITED = new ObjectMapper(JsonFactory.builder().streamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(10).maxNestingDepth(3).build()).build());

    private static ProblemException problem(String json, Class<?> type) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> LIMITED.readValue(json, type));
        return JsonFieldErrors.problem(e);
    }

    @Test
    void aTooLongStringNamesItsFieldAndTheLimit() {
        ProblemException problem = problem("{\"title\": \"" + "x".repeat(15) + "\", \"amount\": 1}", NoteRequest.class);
        assertEquals(ProblemTypes.VALIDATION, problem.type());
        assertEquals("title", problem.errors().get(0).field());
        assertEquals("String value length (15) exceeds the maximum allowed (10)", problem.errors().get(0).message());
    }

    @Test
    void aTooDeeplyNestedDocumentIsMalformedWithoutNamingJavaSettings() {
        ProblemException problem = problem("[[[[[1]]]]]", Object.class);
        assertEquals(ProblemTypes.MALFORMED_REQUEST, problem.type());
        assertTrue(problem.getMessage().startsWith("The body is beyond what is read: Document nesting depth (4)"),
                problem.getMessage());
        assertFalse(problem.getMessage().contains("StreamReadConstraints"), problem.getMessage());
    }

    @Test
    void brokenJsonSaysWhere() {
        ProblemException problem = problem("{\"title\": ", NoteRequest.class);
        assertEquals(ProblemTypes.MALFORMED_REQUEST, problem.type());
        assertTrue(problem.getMessage().startsWith("The body is not valid JSON (line 1"), problem.getMessage());
    }
}
