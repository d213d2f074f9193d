package dev.nlpipe.nn.bert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face's {@code TemplateProcessing} post-processor: where the special tokens go around one sequence or a
 * pair, with the type id of each part. BERT's is {@code [CLS] A [SEP]} and {@code [CLS] A [SEP] B [SEP]}, B with
 * type id 1.
 */
record Template(List<Piece> single, List<Piece> pair, Map<String, SpecialToken> specialTokens) {

    /** One part of a template: a special token ({@code special} names it) or a sequence (0 for A, 1 for B). */
    record Piece(String special, int sequence, int typeId) {
        boolean isSpecial() {
            return special != null;
        }
    }

    /** A special token of the template: one or more ids with their tokens. */
    record SpecialToken(String name, int[] ids, String[] tokens) {
    }

    /** BERT's template with these [CLS] and [SEP] tokens. */
    static Template bert(String cls, int clsId, String sep, int sepId) {
        List<Piece> single = List.of(new Piece(cls, -1, 0), new Piece(null, 0, 0), new Piece(sep, -1, 0));
        List<Piece> pair = List.of(new Piece(cls, -1, 0), new Piece(null, 0, 0), new Piece(sep, -1, 0), new Piece(null, 1, 1),
                new Piece(sep, -1, 1));
        // [CLS] then [SEP], as Hugging Face writes them (a Map.of would change the order with each JVM start)
        Map<String, SpecialToken> specials = new java.util.LinkedHashMap<>();
        specials.put(cls, new SpecialToken(cls, new int[] {clsId}, new String[] {cls}));
        specials.put(sep, new SpecialToken(sep, new int[] {sepId}, new String[] {sep}));
        return new Template(single, pair, specials);
    }

    /** How many special tokens the template adds. */
    int added(boolean isPair) {
        int n = 0;
        for (Piece p : isPair ? pair : single) {
            if (p.isSpecial()) {
                n += specialTokens.get(p.special()).ids().length;
            }
        }
        return n;
    }

    /** The encoding of one sequence or a pair with the template applied (or without special tokens). */
    static BertEncoding assemble(Template template, TokenBuffer a, TokenBuffer b, boolean truncated) {
        List<Piece> pieces;
        if (template == null) {
            pieces = new ArrayList<>();
            pieces.add(new Piece(null, 0, 0));
            if (b != null) {
                pieces.add(new Piece(null, 1, 1));
            }
        } else {
            pieces = b == null ? template.single() : template.pair();
        }
        int n = 0;
        for (Piece p : pieces) {
            n += p.isSpecial() ? template.specialTokens().get(p.special()).ids().length : (p.sequence() == 0 ? a : b).size;
        }
        int[] ids = new int[n];
        String[] tokens = new String[n];
        int[] types = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] seq = new int[n];
        int[] special = new int[n];
        int[] mask = new int[n];
        Arrays.fill(mask, 1);
        int k = 0;
        for (Piece p : pieces) {
            if (p.isSpecial()) {
                SpecialToken st = template.specialTokens().get(p.special());
                for (int i = 0; i < st.ids().length; i++, k++) {
                    ids[k] = st.ids()[i];
                    tokens[k] = st.tokens()[i];
                    types[k] = p.typeId();
                    seq[k] = -1;
                    special[k] = 1;
                }
            } else {
                TokenBuffer t = p.sequence() == 0 ? a : b;
                if (t == null) {
                    continue;
                }
                System.arraycopy(t.ids, 0, ids, k, t.size);
                System.arraycopy(t.tokens, 0, tokens, k, t.size);
                System.arraycopy(t.starts, 0, starts, k, t.size);
                System.arraycopy(t.ends, 0, ends, k, t.size);
                Arrays.fill(types, k, k + t.size, p.typeId());
                Arrays.fill(seq, k, k + t.size, p.sequence());
                k += t.size;
            }
        }
        return new BertEncoding(ids, tokens, types, starts, ends, seq, special, mask, truncated);
    }
}
