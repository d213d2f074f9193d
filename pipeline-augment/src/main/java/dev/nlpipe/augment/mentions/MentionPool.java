package dev.nlpipe.augment.mentions;

import dev.nlpipe.augment.Piece;
import dev.nlpipe.augment.Sentence;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.CorpusInput;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.stage.Components;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The entity mentions of a corpus, by type, each with its pieces (tokens cut at the mention's
 * boundaries) and the spacing between them, in first-seen order so that picks are reproducible.
 */
public final class MentionPool {
    private final Map<String, List<Mention>> byType;

    /**
     * One distinct mention.
     *
     * @param type entity type
     * @param text the mention's text
     * @param pieces its pieces' texts
     * @param gaps the text before each piece (the first is empty)
     */
    public record Mention(String type, String text, List<String> pieces, List<String> gaps) {
    }

    private MentionPool(Map<String, List<Mention>> byType) {
        this.byType = byType;
    }

    /**
     * The mentions of documents with entities: of a tokenized one, each outermost entity's token
     * pieces; of one without tokens (a CLUENER file as read), each entity's text as one piece.
     */
    public static MentionPool of(Iterable<Document> docs) {
        Map<String, List<Mention>> byType = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Document d : docs) {
            if (d.entities() == null || d.entities().isEmpty()) {
                continue;
            }
            List<Mention> found = new ArrayList<>();
            if (d.tokens() == null) {
                d.entities().stream().filter(e -> !e.text().isEmpty())
                        .forEach(e -> found.add(new Mention(e.type(), e.text(), List.of(e.text()), List.of(""))));
            } else {
                Sentence s = Sentence.of(d, "mentions", Set.of());
                for (int g = 0; g < s.groups().size(); g++) {
                    found.add(mention(s, g));
                }
            }
            for (Mention m : found) {
                if (m != null && seen.add(m.type() + "\u0000" + m.text())) {
                    byType.computeIfAbsent(m.type(), k -> new ArrayList<>()).add(m);
                }
            }
        }
        return new MentionPool(byType);
    }

    private static Mention mention(Sentence s, int group) {
        List<String> pieces = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        Piece prev = null;
        for (Piece p : s.pieces()) {
            if (p.entity() != group) {
                continue;
            }
            gaps.add(prev == null ? "" : s.gapAfter(prev.slot()));
            pieces.add(p.surface());
            prev = p;
        }
        if (pieces.isEmpty()) {
            return null;
        }
        return new Mention(s.groups().get(group).entity().type(), String.join("", interleave(pieces, gaps)), pieces, gaps);
    }

    private static List<String> interleave(List<String> pieces, List<String> gaps) {
        List<String> out = new ArrayList<>(pieces.size() * 2);
        for (int i = 0; i < pieces.size(); i++) {
            out.add(gaps.get(i));
            out.add(pieces.get(i));
        }
        return out;
    }

    /**
     * Reads the mentions of a corpus file (or directory) in a registered input format.
     *
     * @param where where the option naming the file is written, for a wrong format name
     */
    public static MentionPool read(Path path, String format, Location where) throws IOException {
        return read(path, format, Map.of(), where);
    }

    /**
     * {@link #read(Path, String, Location)} with the format's options ({@code tagColumn},
     * {@code join}...), as the corpus is read elsewhere: a CoNLL file whose tags are in column 1
     * read with the defaults would give no mentions.
     */
    public static MentionPool read(Path path, String format, Map<String, ?> formatOptions, Location where) throws IOException {
        ReaderProvider reader = Components.get().readers().get(format, where);
        Options options = Options.of("input format '" + format + "'", formatOptions, reader.options());
        try (CorpusInput in = CorpusInput.open(path, null, true, reader, options, ReadSettings.defaults())) {
            // one pass, document by document: only the distinct mentions are kept, not the corpus they come from
            return of(() -> in);
        }
    }

    /** The number of distinct mentions of a type. */
    public int count(String type) {
        List<Mention> l = byType.get(type);
        return l == null ? 0 : l.size();
    }

    /** The number of distinct mentions of every type. */
    public int size() {
        int n = 0;
        for (List<Mention> l : byType.values()) {
            n += l.size();
        }
        return n;
    }

    /** A random mention of a type whose text differs from {@code not}, or {@code null} when there is none. */
    public Mention pick(String type, String not, SplittableRandom rng) {
        List<Mention> l = byType.get(type);
        if (l == null || l.isEmpty() || (l.size() == 1 && l.get(0).text().equals(not))) {
            return null;
        }
        while (true) {
            Mention m = l.get(rng.nextInt(l.size()));
            if (!m.text().equals(not)) {
                return m;
            }
        }
    }
}
