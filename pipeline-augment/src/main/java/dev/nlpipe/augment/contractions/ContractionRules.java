package dev.nlpipe.augment.contractions;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * English contractions and their expansions, with the ambiguous ones ({@code 's} = is/has,
 * {@code 'd} = would/had, {@code ain't}) resolved only when the following words decide it. All
 * matching is on lower-case words with a straight apostrophe.
 */
final class ContractionRules {
    /** Auxiliaries whose {@code X not} contracts to {@code Xn't}. */
    private static final Map<String, String> NOT = Map.ofEntries(
            Map.entry("do", "don't"), Map.entry("does", "doesn't"), Map.entry("did", "didn't"), Map.entry("is", "isn't"),
            Map.entry("are", "aren't"), Map.entry("was", "wasn't"), Map.entry("were", "weren't"), Map.entry("has", "hasn't"),
            Map.entry("have", "haven't"), Map.entry("had", "hadn't"), Map.entry("could", "couldn't"),
            Map.entry("would", "wouldn't"), Map.entry("should", "shouldn't"), Map.entry("must", "mustn't"),
            Map.entry("need", "needn't"), Map.entry("might", "mightn't"), Map.entry("will", "won't"), Map.entry("can", "can't"),
            Map.entry("shall", "shan't"));
    /** Stems before {@code n't} that are not the auxiliary itself: can't, won't, shan't. */
    private static final Map<String, String> NOT_STEMS = Map.of("ca", "can", "wo", "will", "sha", "shall");
    /** Subjects whose {@code 's} may stand for is or has. */
    private static final Set<String> S_SUBJECTS = Set.of("it", "he", "she", "that", "there", "here", "what", "who", "where", "how",
            "when", "why", "this", "everyone", "everybody", "someone", "somebody", "nobody", "everything", "something", "nothing");
    /** Subjects that contract are/will/would/have/had. */
    private static final Set<String> SUBJECTS = Set.of("i", "you", "he", "she", "it", "we", "they", "that", "there", "who", "what");
    private static final Set<String> ARE_SUBJECTS = Set.of("you", "we", "they", "who", "what");
    private static final Set<String> HAVE_SUBJECTS = Set.of("i", "you", "we", "they", "who", "what");
    /** Adverbs looked past when deciding what follows ("it's never been" → has). */
    private static final Set<String> ADVERBS = Set.of("not", "never", "just", "still", "always", "already", "also", "only", "really",
            "ever", "probably", "definitely", "certainly", "actually", "truly", "clearly", "simply", "even", "all");
    private static final Set<String> IRREGULAR_PARTICIPLES = Set.of("been", "got", "gotten", "had", "gone", "done", "seen", "made",
            "taken", "given", "written", "known", "shown", "become", "come", "run", "found", "left", "lost", "won", "told", "said",
            "heard", "brought", "bought", "thought", "kept", "felt", "put", "set", "let", "hit", "cut", "read", "eaten", "driven",
            "spoken", "broken", "chosen", "forgotten", "begun", "fallen", "grown", "held", "meant", "met", "paid", "sent", "spent",
            "stood", "taught", "understood");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "my", "your", "his", "her", "its", "our", "their",
            "this", "these", "those", "some", "any", "no", "every");

    private ContractionRules() {
    }

    /**
     * The words a contraction stands for, or {@code null} when it is not one or is ambiguous here.
     *
     * @param stem the word before the clitic ({@code do}, {@code it}, {@code ca})
     * @param clitic {@code n't}, {@code 's}, {@code 're}, {@code 've}, {@code 'll}, {@code 'm}, {@code 'd}
     * @param following the lower-case words after the contraction (empty at the end of the sentence)
     */
    static List<String> expand(String stem, String clitic, List<String> following) {
        return switch (clitic) {
            case "n't" -> {
                if (NOT_STEMS.containsKey(stem)) {
                    yield stem.equals("ca") ? List.of("cannot") : List.of(NOT_STEMS.get(stem), "not");
                }
                yield NOT.containsKey(stem) && !stem.equals("can") && !stem.equals("will") ? List.of(stem, "not") : null;
            }
            case "'re" -> List.of(stem, "are");
            case "'ve" -> List.of(stem, "have");
            case "'ll" -> List.of(stem, "will");
            case "'m" -> stem.equals("i") ? List.of(stem, "am") : null;
            case "'s" -> {
                if (stem.equals("let")) {
                    yield List.of("let", "us");
                }
                if (!S_SUBJECTS.contains(stem)) {
                    yield null; // a possessive, or a noun's 's: left alone
                }
                String verb = isOrHas(following);
                yield verb == null ? null : List.of(stem, verb);
            }
            case "'d" -> {
                if (!SUBJECTS.contains(stem)) {
                    yield null;
                }
                String verb = wouldOrHad(following);
                yield verb == null ? null : List.of(stem, verb);
            }
            default -> null;
        };
    }

    /** {@code is} or {@code has} for {@code 's}, or {@code null} when the next words do not decide. */
    private static String isOrHas(List<String> following) {
        String w = firstNonAdverb(following);
        if (w == null) {
            return null;
        }
        if (w.equals("been") || w.equals("got") || w.equals("gotten")) {
            return "has";
        }
        if (w.endsWith("ed") || IRREGULAR_PARTICIPLES.contains(w)) {
            return null; // "it's finished": is (passive) or has (perfect)
        }
        return "is";
    }

    /** {@code would} or {@code had} for {@code 'd}, or {@code null} when the next words do not decide. */
    private static String wouldOrHad(List<String> following) {
        String w = firstNonAdverb(following);
        if (w == null || DETERMINERS.contains(w)) {
            return null;
        }
        if (w.equals("better") || w.endsWith("ed") || IRREGULAR_PARTICIPLES.contains(w)) {
            return "had";
        }
        if (w.endsWith("ing") || w.endsWith("ly")) {
            return null;
        }
        return "would";
    }

    private static String firstNonAdverb(List<String> following) {
        for (String w : following) {
            if (!isWord(w)) {
                return null;
            }
            if (!ADVERBS.contains(w)) {
                return w;
            }
        }
        return null;
    }

    /**
     * The contraction of two words, as {@code [stem, clitic]} ({@code ["do", "n't"]},
     * {@code ["it", "'s"]}; {@code ["ca", "n't"]} for can't), or {@code null}.
     *
     * @param following the lower-case words after the pair; a contracted verb never ends a clause
     */
    static List<String> contract(String first, String second, List<String> following) {
        if (second.equals("not") && NOT.containsKey(first)) {
            String whole = NOT.get(first);
            return List.of(whole.substring(0, whole.length() - 3), "n't");
        }
        if (first.equals("let") && second.equals("us")) {
            return List.of("let", "'s");
        }
        String next = firstNonAdverb(following);
        if (next == null) {
            return null;
        }
        boolean perfect = next.equals("been") || next.equals("got") || next.endsWith("ed") || IRREGULAR_PARTICIPLES.contains(next);
        return switch (second) {
            case "am" -> first.equals("i") ? List.of(first, "'m") : null;
            case "are" -> ARE_SUBJECTS.contains(first) ? List.of(first, "'re") : null;
            case "is" -> S_SUBJECTS.contains(first) ? List.of(first, "'s") : null;
            case "has" -> S_SUBJECTS.contains(first) && perfect ? List.of(first, "'s") : null;
            case "will" -> SUBJECTS.contains(first) ? List.of(first, "'ll") : null;
            case "would" -> SUBJECTS.contains(first) ? List.of(first, "'d") : null;
            case "have" -> HAVE_SUBJECTS.contains(first) && perfect ? List.of(first, "'ve") : null;
            case "had" -> SUBJECTS.contains(first) && perfect ? List.of(first, "'d") : null;
            default -> null;
        };
    }

    /** The clitic a split token is ({@code n't}, {@code 's}...), or {@code null}. */
    static String clitic(String token) {
        return switch (token) {
            case "n't", "'s", "'re", "'ve", "'ll", "'m", "'d" -> token;
            default -> null;
        };
    }

    private static boolean isWord(String w) {
        return !w.isEmpty() && Character.isLetterOrDigit(w.codePointAt(0));
    }
}
