package dev.nlpipe.augment.mentions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.config.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mentions come from any corpus with entities, tokenized or not. */
class MentionPoolTest {
    @TempDir
    Path dir;

    @Test
    void aClueNerFileReadWithoutTokensGivesItsMentions() throws IOException {
        // CLUENER as read has entities but no tokens: each entity's text is one mention
        Path file = Files.writeString(dir.resolve("train.json"), """
                {"text": "叶老桂认为对目前国内商业银行而言", "label": {"name": {"叶老桂": [[0, 2]]}}}
                {"text": "浙商银行企业信贷部叶老桂博士", "label": {"company": {"浙商银行": [[0, 3]]}, "name": {"叶老桂": [[9, 11]]}}}
                """);
        MentionPool pool = MentionPool.read(file, "cluener", Location.NONE);
        assertEquals(1, pool.count("name"), "叶老桂 once, however often it occurs");
        assertEquals(1, pool.count("company"));
    }
}
