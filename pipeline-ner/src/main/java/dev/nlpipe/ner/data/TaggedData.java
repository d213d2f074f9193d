package dev.nlpipe.ner.data;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.core.tag.TagScheme;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The documents of one data split with their unit sequences and the gold entities as unit spans.
 *
 * @param docs the documents as read (gold entities included)
 * @param sequences their unit sequences
 * @param gold per sequence its gold spans
 * @param alignment how the gold entities fitted the units
 * @param units how the documents were cut into units
 */
public record TaggedData(List<Document> docs, List<UnitSequence> sequences, List<List<TagScheme.TokenSpan>> gold, GoldSpans alignment,
                         Units units) {

    /** Reads a split through the job's input format and preprocessing stages. */
    public static TaggedData read(TrainingJob job, String split, Units units) throws IOException {
        return of(job.readAll(split), units);
    }

    /** Builds the sequences and gold spans of documents. */
    public static TaggedData of(List<Document> docs, Units units) {
        List<UnitSequence> seqs = new ArrayList<>();
        List<List<TagScheme.TokenSpan>> gold = new ArrayList<>();
        GoldSpans alignment = new GoldSpans();
        for (Document d : docs) {
            List<Entity> entities = d.entities() == null ? List.of() : d.entities();
            List<UnitSequence> sentences = units.of(d);
            seqs.addAll(sentences);
            gold.addAll(alignment.spans(sentences, entities));
        }
        return new TaggedData(docs, seqs, gold, alignment, units);
    }

    /** The entity types of the gold spans. */
    public Set<String> types() {
        Set<String> out = new TreeSet<>();
        gold.forEach(spans -> spans.forEach(s -> out.add(s.type())));
        return out;
    }

    /** The number of units over all sequences. */
    public long unitCount() {
        long n = 0;
        for (UnitSequence s : sequences) {
            n += s.length();
        }
        return n;
    }
}
