package dk.raaderum.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A program's first start trains a class-data archive, a later start maps it; a training that was cut short, or two at
 * once, never leave a broken archive under the name later starts use.
 */
class ClassDataArchiveTest {

    @Test
    void aTrainingThatEndsByItselfBecomesTheArchiveTheNextStartMaps(@TempDir Path dir) throws Exception {
        Path archives = Files.createDirectories(dir.resolve("archives"));
        Path jar = Files.writeString(dir.resolve("app.jar"), "classes");

        ClassDataArchive.Start first = ClassDataArchive.start("app", jar, true, archives);
        assertTrue(first.trains());
        assertEquals(ClassDataArchive.TRAINING_GRACE, first.grace(Duration.ofSeconds(20)));
        assertEquals(0, java(first.options()), "a JVM writes its archive at exit");
        first.stopped(true);

        ClassDataArchive.Start second = ClassDataArchive.start("app", jar, true, archives);
        assertFalse(second.trains());
        assertEquals(Duration.ofSeconds(20), second.grace(Duration.ofSeconds(20)));
        List<String> mapped = new ArrayList<>(second.options());
        mapped.add("-Xshare:on"); // fails to start unless the archive maps
        assertEquals(0, java(mapped), "the next JVM maps the published archive");
        assertEquals(List.of(second.archive()), files(archives));
    }

    @Test
    void aTrainingThatWasKilledLeavesNoArchive(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "classes");
        ClassDataArchive.Start start = ClassDataArchive.start("app", jar, true, dir);
        Files.writeString(start.training(), "half an archive");

        start.stopped(false);

        assertEquals(List.of(jar), files(dir));
        assertTrue(ClassDataArchive.start("app", jar, true, dir).trains(), "the next start trains again");
    }

    @Test
    void onlyTheFirstInstanceTrainsAndTwoTrainingsWriteToFilesOfTheirOwn(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "classes");

        assertEquals(List.of(), ClassDataArchive.start("app", jar, false, dir).options());
        ClassDataArchive.Start one = ClassDataArchive.start("app", jar, true, dir);
        ClassDataArchive.Start other = ClassDataArchive.start("app", jar, true, dir);
        assertNotEquals(one.training(), other.training());
        assertEquals(one.archive(), other.archive());
    }

    @Test
    void aRebuiltJarTrainsANewArchiveAndRemovesOnlyItsOwnProgramsOlderOnes(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "classes");
        Path archives = Files.createDirectories(dir.resolve("archives"));
        ClassDataArchive.Start old = ClassDataArchive.start("app", jar, true, archives);
        Files.writeString(old.training(), "archive");
        old.stopped(true);
        Path otherProgram = Files.writeString(archives.resolve("app-server-0123456789abcdef.jsa"), "archive");

        Files.writeString(jar, "rebuilt classes");
        ClassDataArchive.Start rebuilt = ClassDataArchive.start("app", jar, true, archives);

        assertTrue(rebuilt.trains());
        assertNotEquals(old.archive(), rebuilt.archive());
        assertEquals(List.of(otherProgram), files(archives));
    }

    private static int java(List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(JavaLauncher.javaExecutable()));
        command.addAll(options);
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(java.waitFor(60, TimeUnit.SECONDS));
        return java.exitValue();
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
