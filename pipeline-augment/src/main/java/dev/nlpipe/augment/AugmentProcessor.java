package dev.nlpipe.augment;

import dev.nlpipe.augment.mentions.MentionReplacer;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.stage.Processor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs a token-level {@link Augmenter} over documents: the original (when kept), then up to
 * {@code numAug} distinct variants, each marked with its origin. Thread-safe: all state is per call.
 */
public final class AugmentProcessor implements Processor {
    private final String stageId;
    private final AugmentSettings settings;
    private final Augmenter augmenter;
    private final Set<String> stopWords;
    private final MentionReplacer mentions;
    private final CharTokens charTokens;

    /** Whether output documents get one token per character. */
    public enum CharTokens {
        TRUE,
        FALSE,
        /**
         * When every token of the document reaching the stage is one character and some are Chinese (a
         * BMES corpus read as it is). A segmenter before the stage makes them words: {@code nlpipe augment}
         * then sets {@code TRUE} from the input's format; elsewhere set it.
         */
        AUTO
    }

    /**
     * @param stageId the stage's id (part of every document's random stream and of variant ids)
     * @param settings the shared options
     * @param augmenter makes the candidate variants
     * @param stopWords lower-cased words never chosen for editing (besides tokens marked as stop words)
     * @param mentions mention replacement applied to every variant, or {@code null}
     * @param charTokens whether output documents get one token per character
     */
    public AugmentProcessor(String stageId, AugmentSettings settings, Augmenter augmenter, Set<String> stopWords,
                            MentionReplacer mentions, CharTokens charTokens) {
        this.stageId = stageId;
        this.settings = settings;
        this.augmenter = augmenter;
        this.stopWords = stopWords;
        this.mentions = mentions;
        this.charTokens = charTokens;
    }

    @Override
    public List<Document> process(Document doc) {
        return processBatch(List.of(doc));
    }

    /**
     * Augments a batch: with {@code dropDuplicates}, a variant equal to any document of its origin in
     * the batch ({@link Variants#textsByOrigin}) is dropped, not only one equal to the document
     * augmented, or a second stage would repeat the first stage's variants or give back the original.
     */
    @Override
    public List<Document> processBatch(List<Document> docs) {
        Map<String, Set<String>> seen = Variants.textsByOrigin(docs);
        List<Document> out = new ArrayList<>(docs.size());
        for (Document d : docs) {
            out.addAll(augment(d, seen.get(Variants.origin(d))));
        }
        return out;
    }

    /**
     * The document (when kept) and its variants.
     *
     * @param seen the texts of the documents of its origin so far, which its variants join
     */
    private List<Document> augment(Document doc, Set<String> seen) {
        if ((Variants.isVariant(doc) && !settings.augmentVariants()) || settings.numAug() == 0) {
            return List.of(doc);
        }
        Sentence s = Sentence.of(doc, stageId, stopWords);
        SplittableRandom rng = DocRandom.of(settings.seed(), stageId, doc.id());
        List<Variant> candidates = augmenter.augment(s, rng, settings.numAug());
        List<Document> out = new ArrayList<>(1 + Math.min(candidates.size(), settings.numAug()));
        boolean chars = charTokens == CharTokens.TRUE || (charTokens == CharTokens.AUTO && characterLevel(doc.tokens()));
        if (settings.keepOriginal()) {
            if (chars) {
                doc.setTokens(charTokens(doc.text(), doc.tokens()));
            }
            out.add(doc);
        }
        int made = 0;
        for (Variant v : candidates) {
            if (made == settings.numAug()) {
                break;
            }
            if (mentions != null) {
                v = mentions.apply(s, v, rng);
            }
            Document d = Variants.build(s, v, AugmentSettings.variantId(doc.id(), stageId, made + 1), stageId, chars);
            if (settings.dropDuplicates() && !seen.add(d.text().strip())) {
                continue;
            }
            if (chars && hasSpace(d.text()) && !hasSpace(doc.text())) {
                // a character corpus (BMES) has no spaces: two English words made neighbours, or a synonym of two words,
                // would be glued into one (motionpicture) in every character format
                continue;
            }
            out.add(d);
            made++;
        }
        return out;
    }

    private static boolean hasSpace(String text) {
        return text.chars().anyMatch(Character::isWhitespace);
    }

    /** Whether every token is one character and some are Chinese: a character-level corpus. */
    public static boolean characterLevel(List<Token> tokens) {
        boolean han = false;
        for (Token t : tokens) {
            String s = t.text();
            if (s.isEmpty() || s.codePointCount(0, s.length()) != 1) {
                return false;
            }
            han |= Gaps.spaceless(s.codePointAt(0));
        }
        return han;
    }

    /** Tokens split into one token per character (whitespace skipped), offsets kept. */
    static List<Token> charTokens(String text, List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size() * 2);
        for (Token t : tokens) {
            int i = t.start();
            while (i < t.end()) {
                int cp = text.codePointAt(i);
                int next = i + Character.charCount(cp);
                if (!Character.isWhitespace(cp)) {
                    boolean whole = i == t.start() && next == t.end();
                    out.add(whole ? t : new Token(text.substring(i, next), i, next, null, t.stop()));
                }
                i = next;
            }
        }
        return out;
    }
}
