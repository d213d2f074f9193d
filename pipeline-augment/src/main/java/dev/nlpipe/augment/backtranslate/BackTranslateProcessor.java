package dev.nlpipe.augment.backtranslate;

import dev.nlpipe.augment.AugmentSettings;
import dev.nlpipe.augment.DocRandom;
import dev.nlpipe.augment.Shuffle;
import dev.nlpipe.augment.Variants;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.stage.Processor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Back-translates a batch: every document's routes are chosen from its own random stream, then
 * each (language, route) group is translated hop by hop in one call per hop, and each document is
 * followed by its distinct round-trip variants. Documents of NER data (an entities layer, even an
 * empty one) are passed through: a translation cannot keep their spans or tokens. After
 * {@value #GIVE_UP_AFTER} failed translator calls in a row the translator is not called again in the
 * run (the runner retries a failed batch one document at a time, and a hung translator would
 * otherwise wait out its timeout for each): later documents pass through without variants, with one
 * warning.
 */
final class BackTranslateProcessor implements Processor {
    /** Failed translator calls in a row after which the translator is no longer called. */
    static final int GIVE_UP_AFTER = 3;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackTranslateProcessor.class);
    private final java.util.concurrent.atomic.AtomicInteger failuresInARow = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean warnedGivingUp = new java.util.concurrent.atomic.AtomicBoolean();
    private final String stageId;
    private final AugmentSettings settings;
    private final List<Route> routes;
    private final String language;
    private final Translator translator;

    BackTranslateProcessor(String stageId, AugmentSettings settings, List<Route> routes, String language, Translator translator) {
        this.stageId = stageId;
        this.settings = settings;
        this.routes = List.copyOf(routes);
        this.language = language;
        this.translator = translator;
    }

    @Override
    public List<Document> process(Document doc) {
        return processBatch(List.of(doc));
    }

    @Override
    public List<Document> processBatch(List<Document> docs) {
        // (source language, route) -> the documents taking it, and their texts along the way
        Map<List<Object>, List<Integer>> work = new LinkedHashMap<>();
        List<List<Route>> chosen = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            Document d = docs.get(i);
            List<Route> mine = augments(d) && !givenUp() ? routesFor(d) : List.of();
            chosen.add(mine);
            for (Route r : mine) {
                work.computeIfAbsent(List.of(source(d), r), k -> new ArrayList<>()).add(i);
            }
        }
        Map<List<Object>, Map<Integer, String>> results = new LinkedHashMap<>();
        for (Map.Entry<List<Object>, List<Integer>> e : work.entrySet()) {
            String src = (String) e.getKey().get(0);
            Route route = (Route) e.getKey().get(1);
            List<String> lines = new ArrayList<>();
            for (int i : e.getValue()) {
                lines.add(oneLine(docs.get(i).text()));
            }
            List<String> path = route.path(src);
            for (int hop = 0; hop + 1 < path.size(); hop++) {
                lines = translate(lines, path.get(hop), path.get(hop + 1));
            }
            Map<Integer, String> byDoc = new LinkedHashMap<>();
            for (int k = 0; k < lines.size(); k++) {
                byDoc.put(e.getValue().get(k), lines.get(k).strip());
            }
            results.put(e.getKey(), byDoc);
        }
        Map<String, Set<String>> seenByOrigin = Variants.textsByOrigin(docs);
        List<Document> out = new ArrayList<>(docs.size() * 2);
        for (int i = 0; i < docs.size(); i++) {
            Document d = docs.get(i);
            if (settings.keepOriginal() || chosen.get(i).isEmpty()) {
                out.add(d);
            }
            Set<String> seen = seenByOrigin.get(Variants.origin(d));
            int made = 0;
            for (Route r : chosen.get(i)) {
                String text = results.get(List.of(source(d), r)).get(i);
                if (text.isEmpty() || (settings.dropDuplicates() && !seen.add(text))) {
                    continue;
                }
                made++;
                out.add(Variants.derive(d, AugmentSettings.variantId(d.id(), stageId, made), text, stageId, List.of(r.op(source(d)))));
            }
        }
        return out;
    }

    private boolean augments(Document d) {
        return settings.numAug() > 0 && (!Variants.isVariant(d) || settings.augmentVariants())
                // a sentence of NER data (an entities layer, even an empty one) passes through: its translation would have no
                // tokens or tags to write back in the corpus's format
                && d.entities() == null && !d.text().isBlank();
    }

    /** All routes when numAug covers them, else numAug of them picked from the document's random stream. */
    private List<Route> routesFor(Document d) {
        if (settings.numAug() >= routes.size()) {
            return routes;
        }
        List<Route> shuffled = new ArrayList<>(routes);
        Shuffle.shuffle(shuffled, DocRandom.of(settings.seed(), stageId, d.id()));
        return shuffled.subList(0, settings.numAug());
    }

    private String source(Document d) {
        String lang = d.lang() != null ? d.lang() : language;
        if (lang == null) {
            throw new IllegalArgumentException("document '" + d.id() + "' has no language: set 'language' on the stage or on the input");
        }
        return lang;
    }

    /** Whether the translator failed too often in a row to be called again (warned once). */
    private boolean givenUp() {
        if (failuresInARow.get() < GIVE_UP_AFTER) {
            return false;
        }
        if (warnedGivingUp.compareAndSet(false, true)) {
            LOG.warn("stage '{}': the translator failed {} times in a row (the bad records say how), so it is not called again in this"
                    + " run: the documents that follow pass through without variants", stageId, GIVE_UP_AFTER);
        }
        return true;
    }

    private List<String> translate(List<String> lines, String from, String to) {
        try {
            List<String> out = translator.translate(lines, from, to);
            failuresInARow.set(0);
            return out;
        } catch (IOException e) {
            failuresInARow.incrementAndGet();
            throw new UncheckedIOException("stage '" + stageId + "': " + e.getMessage(), e);
        }
    }

    /** The protocol is one line per text: line breaks inside a text become spaces. */
    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public void close() {
        translator.close();
    }
}
