package dk.raaderum.target.rest;

import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemTypes;

import jakarta.ws.rs.core.MediaType;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Map;

/**
 * The text of an uploaded CSV file, as Danish spreadsheets save it: UTF-8 with a byte-order mark ("CSV UTF-8"), the
 * charset the request names, or else UTF-8 when the bytes are valid UTF-8 and Windows-1252 otherwise (Excel's plain
 * "CSV (semikolonsepareret)" on Danish Windows), so æ, ø and å survive either way.
 */
final class CsvBodies {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvBodies() {
    }

    static String text(byte[] body, MediaType type) {
        if (body == null || body.length == 0) {
            return "";
        }
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null) {
            try {
                return new String(body, Charset.forName(charset));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new ProblemException(ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                        "Unknown charset '" + charset + "'; send UTF-8", Map.of(), List.of());
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(body, WINDOWS_1252);
        }
    }
}
