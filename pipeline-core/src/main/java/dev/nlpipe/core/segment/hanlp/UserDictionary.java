package dev.nlpipe.core.segment.hanlp;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.doc.NormalizedText;
import dev.nlpipe.core.io.InputFormatException;
import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.io.Utf8Text;
import dev.nlpipe.core.text.ChineseNormalizer;
import dev.nlpipe.core.text.WordListLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * User dictionaries for one pipeline: words read from files in HanLP's format, one entry per line,
 * {@code word [nature frequency]...} separated by spaces, tabs, no-break or ideographic spaces
 * ({@link WordListLines#visibleFields}), or in jieba's, {@code word frequency [nature]}. An entry
 * without a nature is tagged {@code nz} (with frequency 1 when it has none), as HanLP's
 * {@code CustomDictionary.insert} does.
 *
 * <p>HanLP keeps its custom dictionary in a static field shared by the whole JVM. This class
 * never touches it: {@link #build} returns a private {@link DynamicCustomDictionary} that a
 * {@link com.hankcs.hanlp.seg.Segment} is given, so two pipelines with different dictionaries in
 * one program never see each other's words. The files are read by this class (not by HanLP, which
 * would write a {@code .bin} cache next to them). A nature HanLP does not know is registered with
 * {@code Nature.create}, HanLP's one global table of tag names; only the name is shared.
 */
public final class UserDictionary {
    private final TreeMap<String, CoreDictionary.Attribute> entries = new TreeMap<>();

    /** Number of distinct words read. */
    public int size() {
        return entries.size();
    }

    /** The length (in UTF-16 units) of the longest word read; 0 when there is none. */
    public int longestWord() {
        return entries.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** Whether the dictionary holds {@code word}. */
    public boolean contains(String word) {
        return entries.containsKey(word);
    }

    /** Whether a word of the dictionary starts with {@code prefix} (or is it): a search for longer words may go on. */
    public boolean startsAWord(String prefix) {
        String next = entries.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    /**
     * Adds the entries of a dictionary file; a word seen before takes the later entry.
     *
     * @throws ConfigException naming the file and line of a malformed entry
     * @throws UncheckedIOException when the file cannot be read
     */
    public UserDictionary read(Path file) {
        try (BufferedReader in = Utf8Text.open(file)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String[] f = WordListLines.visibleFields(line).toArray(String[]::new);
                if (f.length == 0 || f[0].equals("#")) {
                    // "# products": a comment; a word that starts with # (#话题#) is a word
                    continue;
                }
                CoreDictionary.Attribute attribute = attribute(f, new Location(file.toString(), lineNo, 1));
                entries.put(f[0], attribute);
                // behind normalize.chinese HanLP reads simplified text: a traditional entry (攻城獅) also goes in in that
                // form, as HanLP's own loader converts its entries; a word written so in the file keeps its own entry.
                // Full-width entries are left as they are: half-width copies of them change HanLP's segmentation of
                // full-width text too (the PKU corpus's digits)
                NormalizedText normalized = ChineseNormalizer.normalize(f[0], true, false);
                if (normalized != null) {
                    entries.putIfAbsent(normalized.text(), attribute);
                }
            }
        } catch (InputFormatException e) {
            throw new ConfigException(new Location(e.source(), (int) e.line(), 1), "user dictionary is not UTF-8 text; save it as UTF-8"
                    + " (a GBK file, as many Chinese dictionaries are: iconv -f GBK -t UTF-8 " + file.getFileName() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read user dictionary " + file + ": " + IoErrors.describe(e), e);
        }
        return this;
    }

    /** Adds one word with HanLP's default attribute for inserted words. */
    public UserDictionary add(String word) {
        entries.put(word, new CoreDictionary.Attribute(Nature.nz, 1));
        return this;
    }

    private static CoreDictionary.Attribute attribute(String[] f, Location at) {
        if (f.length == 1) {
            return new CoreDictionary.Attribute(Nature.nz, 1);
        }
        if (f.length <= 3 && isCount(f[1])) {
            // jieba's load_userdict format, word freq [pos]: what users bringing a jieba dictionary have
            return new CoreDictionary.Attribute(f.length == 3 ? nature(f[2], 3, at) : Nature.nz, Integer.parseInt(f[1]));
        }
        if (f.length == 2) {
            // jieba's word and tag without a frequency: frequency and tag are each optional there
            return new CoreDictionary.Attribute(nature(f[1], 2, at), 1);
        }
        if (f.length % 2 == 0) {
            throw new ConfigException(at, "user dictionary entry has " + f.length
                    + " fields; it must be 'word' or 'word nature frequency [nature frequency]...' (a nature without a frequency?)");
        }
        int count = (f.length - 1) / 2;
        Nature[] natures = new Nature[count];
        int[] freqs = new int[count];
        int total = 0;
        for (int i = 0; i < count; i++) {
            natures[i] = nature(f[1 + 2 * i], 2 + 2 * i, at);
            try {
                freqs[i] = Integer.parseInt(f[2 + 2 * i]);
            } catch (NumberFormatException e) {
                freqs[i] = -1;
            }
            if (freqs[i] < 0) {
                throw new ConfigException(at, "user dictionary entry: frequency " + (i + 1)
                        + " (field " + (3 + 2 * i) + ") must be a non-negative integer");
            }
            total += freqs[i];
        }
        return new CoreDictionary.Attribute(natures, freqs, total);
    }

    private static boolean isCount(String field) {
        return field.chars().allMatch(c -> c >= '0' && c <= '9') && field.length() <= 9;
    }

    /**
     * A part-of-speech tag: one HanLP knows, or a new one in lower-case ASCII (tag sets are); a
     * field like {@code iPhone} is the second half of a word with a space, which no entry can hold.
     */
    private static Nature nature(String name, int field, Location at) {
        if (Nature.fromString(name) == null && !name.matches("[a-z][a-z0-9_]*")) {
            // the field is not quoted: a file given by mistake (a password file) would be shown
            throw new ConfigException(at, "user dictionary entry: field " + field + " is not a part-of-speech tag (HanLP's are"
                    + " lower-case, such as n, nr, nz); a word cannot contain a space, so write it without one");
        }
        return Nature.create(name);
    }

    /**
     * A private custom dictionary holding these words, plus (when {@code withBuiltin}) a private
     * copy of HanLP's bundled custom dictionary, so that these entries override bundled ones
     * without changing the shared copy.
     */
    public DynamicCustomDictionary build(boolean withBuiltin) {
        if (withBuiltin) {
            DynamicCustomDictionary d = new DynamicCustomDictionary();
            for (Map.Entry<String, CoreDictionary.Attribute> e : entries.entrySet()) {
                if (!d.dat.set(e.getKey(), e.getValue())) {
                    d.trie.put(e.getKey(), e.getValue());
                }
            }
            return d;
        }
        DynamicCustomDictionary d = new DynamicCustomDictionary(new DoubleArrayTrie<>(), new BinTrie<>(), null);
        if (!entries.isEmpty()) {
            d.dat.build(entries);
        }
        return d;
    }
}
