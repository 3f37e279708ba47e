package dev.lambdamaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionRecordTest {

    @TempDir
    Path work;

    @Test
    void anUnchangedRecordIsNotRewrittenAndAChangedOneIs() throws Exception {
        FunctionRecord record = new FunctionRecord(work.resolve("fn.zip"), "java21", "com.acme.Handler::handleRequest", "abc=");
        record.write(work);
        Path file = work.resolve(FunctionRecord.FILE_NAME);
        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(file, old);

        record.write(work);
        assertThat(Files.getLastModifiedTime(file)).as("same record: file untouched").isEqualTo(old);

        FunctionRecord changed = new FunctionRecord(work.resolve("fn.zip"), "java21", "com.acme.Other::handleRequest", "abc=");
        changed.write(work);
        assertThat(FunctionRecord.read(work)).contains(changed);
    }
}
