package dk.raaderum.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;

class SqlScriptTest {

    @Test
    void dropsCommentsThenFormatsAndSplitsAtTheEndsOfLines() {
        String script = """
                -- 90 % of them, %1$d and on: a comment is never formatted
                insert into t (id, note) select %1$d + g, 'a;b' || g %% 7 from generate_series(1, %2$d) g;

                update t set note = '%3$s'
                    where id > %1$d;
                """;
        assertEquals(List.of("insert into t (id, note) select 100 + g, 'a;b' || g % 7 from generate_series(1, 5) g",
                "update t set note = 'x'\n    where id > 100"), SqlScript.statements(script, 100, 5, "x"));
    }
}
