package dev.nlpipe.core.tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Sequence-labelling tag schemes and the conversion between tags and spans.
 *
 * <p>Decoding follows conlleval exactly (its {@code startOfChunk}/{@code endOfChunk} rules), after
 * mapping the scheme's prefixes onto conlleval's: {@code S} to {@code B}, {@code M} and {@code E}
 * to {@code I}. So ill-formed sequences are read the way conlleval reads them: an {@code I-X} after
 * {@code O} or after another type starts a new entity.
 */
public enum TagScheme {
    /** IOB2: every entity starts with B-. */
    BIO,
    /** IOB1 (original CoNLL-2003): I- everywhere, B- only to separate two adjacent same-type entities. */
    IOB1,
    /** B-egin, I-nside, O-utside, E-nd, S-ingle. */
    BIOES,
    /** B-egin, M-iddle, E-nd, S-ingle (Chinese NER corpora); O outside. */
    BMES;

    /** Parses a scheme name (case-insensitive; {@code iob2} means BIO, {@code bilou} means BIOES). */
    public static TagScheme parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "bio", "iob2" -> BIO;
            case "iob1", "iob" -> IOB1;
            case "bioes", "iobes", "bilou" -> BIOES;
            case "bmes", "bmeso", "bmeo" -> BMES;
            default -> throw new IllegalArgumentException("unknown tag scheme '" + name + "' (valid: bio, iob1, bioes, bmes)");
        };
    }

    /** A span of token positions, {@code start} inclusive, {@code end} exclusive. */
    public record TokenSpan(String type, int start, int end) {
    }

    /**
     * The entity spans in a tag sequence, by conlleval's rules. Tags are {@code O} or
     * {@code PREFIX-TYPE} (also {@code PREFIX_TYPE}); a bare prefix has the empty type.
     */
    public static List<TokenSpan> decode(List<String> tags) {
        List<TokenSpan> out = new ArrayList<>();
        String prevTag = "O";
        String prevType = "";
        int start = -1;
        for (int i = 0; i < tags.size(); i++) {
            String raw = tags.get(i);
            String tag = conllevalPrefix(raw);
            String type = type(raw);
            if (start >= 0 && endOfChunk(prevTag, tag, prevType, type)) {
                out.add(new TokenSpan(prevType, start, i));
                start = -1;
            }
            if (startOfChunk(prevTag, tag, prevType, type)) {
                start = i;
            }
            prevTag = tag;
            prevType = type;
        }
        if (start >= 0) {
            out.add(new TokenSpan(prevType, start, tags.size()));
        }
        return out;
    }

    /** Tags for {@code length} tokens covering the given non-overlapping spans in this scheme. */
    public List<String> encode(List<TokenSpan> spans, int length) {
        String[] tags = new String[length];
        Arrays.fill(tags, "O");
        List<TokenSpan> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
        int prevEnd = -1;
        String prevType = null;
        for (TokenSpan s : sorted) {
            if (s.start() < 0 || s.end() > length || s.end() <= s.start()) {
                throw new IllegalArgumentException("span " + s + " is outside 0.." + length);
            }
            if (s.start() < prevEnd) {
                throw new IllegalArgumentException("span " + s + " overlaps the previous one");
            }
            String t = s.type();
            for (int i = s.start(); i < s.end(); i++) {
                boolean first = i == s.start();
                boolean last = i == s.end() - 1;
                String prefix = switch (this) {
                    case BIO -> first ? "B" : "I";
                    case IOB1 -> first && prevEnd == s.start() && t.equals(prevType) ? "B" : "I";
                    case BIOES -> first && last ? "S" : first ? "B" : last ? "E" : "I";
                    case BMES -> first && last ? "S" : first ? "B" : last ? "E" : "M";
                };
                tags[i] = prefix + "-" + t;
            }
            prevEnd = s.end();
            prevType = t;
        }
        return Arrays.asList(tags);
    }

    /**
     * Rewrites a tag sequence in this scheme: the chunks conlleval reads in {@code tags} (any scheme,
     * ill-formed sequences included) encoded again, e.g. IOB1 to BIOES.
     */
    public List<String> convert(List<String> tags) {
        return encode(decode(tags), tags.size());
    }

    /** Every tag of this scheme for the given entity types, {@code O} first, then by type. */
    public List<String> tags(java.util.Collection<String> types) {
        List<String> out = new ArrayList<>();
        out.add("O");
        String[] prefixes = switch (this) {
            case BIO, IOB1 -> new String[] {"B", "I"};
            case BIOES -> new String[] {"B", "I", "E", "S"};
            case BMES -> new String[] {"B", "M", "E", "S"};
        };
        for (String t : new java.util.TreeSet<>(types)) {
            for (String p : prefixes) {
                out.add(p + "-" + t);
            }
        }
        return out;
    }

    /** Whether {@code next} may follow {@code prev} in a well-formed sequence of this scheme ({@code null} = sequence start/end). */
    public boolean allowed(String prev, String next) {
        String pp = prev == null ? "O" : prefix(prev);
        String np = next == null ? "O" : prefix(next);
        boolean sameType = prev != null && next != null && type(prev).equals(type(next));
        return switch (this) {
            case BIO -> !np.equals("I") || ((pp.equals("B") || pp.equals("I")) && sameType);
            case IOB1 -> !np.equals("B") || ((pp.equals("I") || pp.equals("B")) && sameType);
            case BIOES, BMES -> {
                String inner = this == BIOES ? "I" : "M";
                boolean prevOpen = pp.equals("B") || pp.equals(inner);
                boolean nextContinues = np.equals(inner) || np.equals("E");
                yield prevOpen ? nextContinues && sameType : !nextContinues;
            }
        };
    }

    /**
     * What is wrong with a tag read from a corpus, or {@code null} when it is {@code O} or a known
     * prefix ({@code B I M E S U L}) joined to a non-empty entity type by {@code -} or {@code _}.
     * {@link #decode} reads anything, so a tag such as {@code ZZZ}, {@code B-} or a bare {@code S}
     * would otherwise become an entity of the empty type.
     */
    public static String problem(String tag) {
        if (tag.equals("O")) {
            return null;
        }
        int sep = separator(tag);
        String p = prefix(tag);
        boolean knownPrefix = switch (p) {
            case "B", "I", "M", "E", "S", "U", "L" -> true;
            default -> false;
        };
        if (sep < 0 || !knownPrefix || sep == tag.length() - 1) {
            return "tag '" + tag + "' is neither O nor a prefix (B, I, M, E, S, U, L) joined to an entity type, as in B-PER";
        }
        return null;
    }

    /** The tag's prefix ({@code B}, {@code I}, {@code O}...), upper-cased. */
    public static String prefix(String tag) {
        if (tag.equals("O") || tag.isEmpty()) {
            return "O";
        }
        int sep = separator(tag);
        return (sep < 0 ? tag : tag.substring(0, sep)).toUpperCase(Locale.ROOT);
    }

    /** The entity type of a tag, empty for {@code O} or a bare prefix. */
    public static String type(String tag) {
        int sep = separator(tag);
        return sep < 0 ? "" : tag.substring(sep + 1);
    }

    private static int separator(String tag) {
        int dash = tag.indexOf('-');
        int under = tag.indexOf('_');
        if (dash < 0) {
            return under;
        }
        return under < 0 ? dash : Math.min(dash, under);
    }

    private static String conllevalPrefix(String tag) {
        String p = prefix(tag);
        return switch (p) {
            case "S", "U" -> "B";
            case "M", "E", "L" -> "I";
            case "B", "I", "O" -> p;
            default -> p;
        };
    }

    private static boolean endOfChunk(String prevTag, String tag, String prevType, String type) {
        boolean end = false;
        end |= prevTag.equals("B") && tag.equals("B");
        end |= prevTag.equals("B") && tag.equals("O");
        end |= prevTag.equals("I") && tag.equals("B");
        end |= prevTag.equals("I") && tag.equals("O");
        end |= prevTag.equals("E") && tag.equals("E");
        end |= prevTag.equals("E") && tag.equals("I");
        end |= prevTag.equals("E") && tag.equals("O");
        end |= !prevTag.equals("O") && !prevTag.equals(".") && !prevType.equals(type);
        end |= prevTag.equals("]") || prevTag.equals("[");
        return end;
    }

    private static boolean startOfChunk(String prevTag, String tag, String prevType, String type) {
        boolean start = false;
        start |= prevTag.equals("B") && tag.equals("B");
        start |= prevTag.equals("I") && tag.equals("B");
        start |= prevTag.equals("O") && tag.equals("B");
        start |= prevTag.equals("O") && tag.equals("I");
        start |= prevTag.equals("E") && tag.equals("E");
        start |= prevTag.equals("E") && tag.equals("I");
        start |= prevTag.equals("O") && tag.equals("E");
        start |= !tag.equals("O") && !tag.equals(".") && !prevType.equals(type);
        start |= tag.equals("[") || tag.equals("]");
        return start;
    }
}
