package dev.nlpipe.bert.mlm;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.NormalizedText;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.nn.bert.AddedToken;
import dev.nlpipe.nn.bert.BertEncoding;
import dev.nlpipe.nn.bert.BertTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts raw documents into pre-training sequences. Each document becomes one sequence
 * {@code [CLS] pieces [SEP]}; a document with more than {@code maxLength - 2} pieces is cut into
 * several consecutive ones, each cut placed at a word boundary where one lies in the window.
 * Documents are not packed together: fine-tuning sees one text per sequence too, and the training
 * loop's length-bucketed batches keep padding low without packing.
 *
 * <p>Words, for whole-word masking: with {@code wholeWord} off every piece is a word of its own
 * (BERT's original masking). With it on, a piece joins the word of the piece before it when it is a
 * WordPiece continuation ({@code ##ing}), or when the document carries a {@code tokens} layer (a
 * segmenter such as {@code segment.hanlp} ran under the training file's {@code stages:}) and both
 * pieces start inside the same token: the characters of 北京大学 then form one word, as in
 * Chinese-BERT-wwm. Without a tokens layer Chinese characters stay words of their own.
 */
public final class MlmCorpus {
    /** Documents encoded at once: enough for the tokenizer's threads, few enough that their encodings stay small. */
    private static final int ENCODE_CHUNK = 1024;

    private final BertTokenizer tokenizer;
    private final int maxLength;
    private final boolean wholeWord;
    private final int cls;
    private final int sep;
    private final String continuation;
    /** The special tokens' ids and texts. */
    private final Map<Integer, String> specialTokens = new HashMap<>();

    /**
     * @param tokenizer the encoder's tokenizer (its truncation and special tokens are not used)
     * @param maxLength the most positions of a sequence, [CLS] and [SEP] included (at least 3)
     * @param wholeWord whether words are found as described above, or every piece is one
     * @throws IllegalArgumentException when the vocabulary lacks [CLS] or [SEP]
     */
    public MlmCorpus(BertTokenizer tokenizer, int maxLength, boolean wholeWord) {
        if (maxLength < 3) {
            throw new IllegalArgumentException("maxLength must be at least 3, not " + maxLength);
        }
        this.tokenizer = tokenizer.withTruncation(null).withSpecialTokens(false);
        this.maxLength = maxLength;
        this.wholeWord = wholeWord;
        this.cls = tokenizer.tokenId("[CLS]");
        this.sep = tokenizer.tokenId("[SEP]");
        if (cls < 0 || sep < 0) {
            throw new IllegalArgumentException("the vocabulary has no [CLS] or no [SEP] token");
        }
        this.continuation = tokenizer.vocabulary().continuationPrefix();
        for (AddedToken a : tokenizer.addedTokens()) {
            if (a.special()) {
                specialTokens.put(a.id(), a.content());
            }
        }
    }

    /** The sequences of documents, in order; documents without pieces give none. */
    public List<MlmSequence> sequences(List<Document> docs) {
        List<MlmSequence> out = new ArrayList<>();
        // encoded a chunk at a time: an encoding holds several arrays per piece, far more than the sequences kept from it
        for (int from = 0; from < docs.size(); from += ENCODE_CHUNK) {
            List<Document> chunk = docs.subList(from, Math.min(docs.size(), from + ENCODE_CHUNK));
            // the text the stages leave (normalize.chinese's simplified view), as classify.bert and ner.bert read it
            addSequences(chunk, tokenizer.encodeBatch(chunk.stream().map(Document::analysisText).toList()), out);
        }
        return out;
    }

    private void addSequences(List<Document> docs, List<BertEncoding> encodings, List<MlmSequence> out) {
        for (int d = 0; d < docs.size(); d++) {
            BertEncoding e = encodings.get(d);
            Document doc = docs.get(d);
            int[] words = words(e, doc.tokens(), originalStarts(e, doc));
            String text = doc.analysisText();
            // a word id crosses no written special token: the pieces on its two sides are two words (a segmenter's token
            // such as 很好[SEP]我们 would otherwise be masked as one word that is not contiguous)
            int shift = 0;
            for (int i = 0; i < words.length; i++) {
                String special = specialTokens.get(e.ids()[i]);
                // a special token written in the text ("[SEP]" between the sentences of a CLUE-style corpus) is no word to
                // predict; an [UNK] that stands for an unknown character is (its text is that character), as in BERT
                if (special != null && text.regionMatches(e.starts()[i], special, 0, special.length())
                        && e.ends()[i] - e.starts()[i] == special.length()) {
                    if (i > 0 && i + 1 < words.length && words[i - 1] >= 0 && words[i - 1] - shift == words[i + 1]) {
                        shift++;
                    }
                    words[i] = -1;
                } else {
                    words[i] += shift;
                }
            }
            cut(e.ids(), words, out);
        }
    }

    /** Where each piece starts in the original text, which the tokens' offsets count in. */
    private static int[] originalStarts(BertEncoding e, Document doc) {
        NormalizedText view = doc.normalized();
        int[] starts = e.starts().clone();
        if (view != null) {
            for (int i = 0; i < starts.length; i++) {
                starts[i] = view.originalStart(starts[i], doc.text().length());
            }
        }
        return starts;
    }

    /**
     * The word index of each piece of a text encoded without special tokens.
     *
     * @param starts where each piece starts, in the offsets of {@code tokens}
     */
    int[] words(BertEncoding e, List<Token> tokens, int[] starts) {
        int[] words = new int[e.length()];
        int word = -1;
        int prevToken = -1;
        int t = 0;
        for (int i = 0; i < e.length(); i++) {
            int token = -1;
            if (tokens != null) {
                while (t < tokens.size() && tokens.get(t).end() <= starts[i]) {
                    t++;
                }
                if (t < tokens.size() && tokens.get(t).start() <= starts[i]) {
                    token = t;
                }
            }
            boolean joins = wholeWord && i > 0 && (e.tokens()[i].startsWith(continuation) || (token >= 0 && token == prevToken));
            if (!joins) {
                word++;
            }
            words[i] = word;
            prevToken = token;
        }
        return words;
    }

    private void cut(int[] ids, int[] words, List<MlmSequence> out) {
        int window = maxLength - 2;
        int from = 0;
        while (from < ids.length) {
            int to = Math.min(ids.length, from + window);
            if (to < ids.length) {
                int back = to;
                while (back > from && words[back] == words[back - 1]) {
                    back--;
                }
                if (back > from) {
                    to = back;
                }
            }
            int n = to - from;
            int[] seqIds = new int[n + 2];
            int[] seqWords = new int[n + 2];
            seqIds[0] = cls;
            seqIds[n + 1] = sep;
            seqWords[0] = -1;
            seqWords[n + 1] = -1;
            System.arraycopy(ids, from, seqIds, 1, n);
            int base = 0;
            for (int i = from; i < to; i++) {
                if (words[i] >= 0) {
                    base = words[i];
                    break;
                }
            }
            for (int i = 0; i < n; i++) {
                seqWords[i + 1] = words[from + i] < 0 ? -1 : words[from + i] - base;
            }
            MlmSequence seq = new MlmSequence(seqIds, seqWords);
            // a window of special tokens only ("[SEP]" lines) has nothing to predict: a batch of such windows has no loss
            if (seq.maskable() > 0) {
                out.add(seq);
            }
            from = to;
        }
    }
}
