package dev.nlpipe.core.bench;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Dijkstra.DijkstraSegment;
import com.hankcs.hanlp.seg.NShort.NShortSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.utility.Predefine;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.doc.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The segmentation backends the benchmarks compare: each as an nlpipe pipeline and, where nlpipe
 * wraps a library, as the same library called directly with the same configuration.
 */
final class SegmentBackends {

    /** A library called directly: the words of one line as spans. Thread-safe. */
    interface Direct {
        List<Span> segment(String line);
    }

    /**
     * @param name short name for the tables
     * @param pipeline builds the nlpipe pipeline
     * @param direct builds the direct library call, or {@code null} when nlpipe adds work of its own
     * @param note what the direct call is
     */
    record Backend(String name, Supplier<Pipeline> pipeline, Supplier<Direct> direct, String note) {
    }

    static {
        // HanLP reports dictionary loading at INFO on standard error
        Predefine.logger.setLevel(Level.WARNING);
    }

    private SegmentBackends() {
    }

    static List<Backend> all(Path trainingWords, Path pkuPipeline) {
        String words = trainingWords.toString();
        List<Backend> out = new ArrayList<>();
        out.add(new Backend("hanlp viterbi", stage("segment.hanlp", Map.of()), () -> hanlp(new ViterbiSegment()),
                "new ViterbiSegment()"));
        out.add(new Backend("hanlp dijkstra", stage("segment.hanlp", Map.of("algorithm", "dijkstra")),
                () -> hanlp(new DijkstraSegment()), "new DijkstraSegment()"));
        out.add(new Backend("hanlp nshort", stage("segment.hanlp", Map.of("algorithm", "nshort")),
                () -> hanlp(new NShortSegment()), "new NShortSegment()"));
        out.add(new Backend("hanlp + PKU words", stage("segment.hanlp", Map.of("userDictionaries", List.of(words))),
                () -> hanlp(withWords(new ViterbiSegment(), trainingWords, true)),
                "ViterbiSegment + DynamicCustomDictionary() with every word insert()ed"));
        out.add(new Backend("segment-pku.yaml", () -> Pipeline.ofStages("segment-pku",
                PipelineConfig.load(pkuPipeline, List.of()).stages(), Set.of()),
                () -> hanlp(withWords(new ViterbiSegment(), trainingWords, false)),
                "ViterbiSegment + a dictionary of only the PKU words, without nlpipe's PKU conventions"));
        out.add(new Backend("lucene smartcn", stage("tokenize.lucene", Map.of("analyzer", "smartcn")), SegmentBackends::smartcn,
                "new SmartChineseAnalyzer(false)"));
        return out;
    }

    private static Supplier<Pipeline> stage(String type, Map<String, ?> options) {
        return () -> Pipeline.builder().add(type, options).build();
    }

    /**
     * A HanLP segment given the training words the way a HanLP user would: inserted into a copy of
     * the bundled custom dictionary, or built into a dictionary of their own.
     */
    private static Segment withWords(Segment seg, Path words, boolean withBuiltin) {
        try {
            List<String> entries = Files.readAllLines(words).stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
            DynamicCustomDictionary d;
            if (withBuiltin) {
                d = new DynamicCustomDictionary();
                entries.forEach(d::insert);
            } else {
                d = new DynamicCustomDictionary(new DoubleArrayTrie<>(), new BinTrie<>(), null);
                TreeMap<String, CoreDictionary.Attribute> map = new TreeMap<>();
                entries.forEach(w -> map.put(w, new CoreDictionary.Attribute(Nature.nz, 1)));
                d.dat.build(map);
            }
            return seg.enableCustomDictionary(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Direct hanlp(Segment seg) {
        return line -> {
            List<Term> terms = seg.seg(line);
            List<Span> spans = new ArrayList<>(terms.size());
            int at = 0;
            for (Term t : terms) {
                spans.add(new Span(at, at + t.word.length()));
                at += t.word.length();
            }
            return spans;
        };
    }

    private static Direct smartcn() {
        Analyzer analyzer = new SmartChineseAnalyzer(false);
        return line -> {
            List<Span> spans = new ArrayList<>();
            try (TokenStream ts = analyzer.tokenStream("text", line)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    if (term.length() > 0) {
                        spans.add(new Span(offset.startOffset(), offset.endOffset()));
                    }
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return spans;
        };
    }
}
