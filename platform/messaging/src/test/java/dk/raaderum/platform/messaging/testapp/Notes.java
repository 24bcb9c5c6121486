package dk.raaderum.platform.messaging.testapp;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Test helpers for the note application. */
public final class Notes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Notes() {
    }

    public static long create(String title) {
        return given().queryParam("title", title).post("/test/notes").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public static void rename(long id, String title) {
        given().queryParam("title", title).put("/test/notes/" + id).then().statusCode(200);
    }

    public static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isAbout(ConsumerRecord<String, String> record, long noteId) {
        return String.valueOf(noteId).equals(record.key());
    }
}
