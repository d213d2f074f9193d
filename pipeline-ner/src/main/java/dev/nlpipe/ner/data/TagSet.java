package dev.nlpipe.ner.data;

import dev.nlpipe.core.tag.TagScheme;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tags a sequence tagger predicts, as ids: gold spans encoded in its scheme for training, and
 * predicted tag paths decoded back to spans.
 */
public final class TagSet {
    private final TagScheme scheme;
    private final List<String> tags;
    private final Map<String, Integer> ids = new HashMap<>();

    /**
     * @param scheme the scheme the tags follow
     * @param tags the tags, {@code O} first, in id order
     */
    public TagSet(TagScheme scheme, List<String> tags) {
        this.scheme = scheme;
        this.tags = List.copyOf(tags);
        for (int i = 0; i < tags.size(); i++) {
            ids.put(tags.get(i), i);
        }
    }

    /** The tag set a scheme uses for these entity types. */
    public static TagSet of(TagScheme scheme, Collection<String> types) {
        return new TagSet(scheme, scheme.tags(types));
    }

    public TagScheme scheme() {
        return scheme;
    }

    /** The tags in id order. */
    public List<String> tags() {
        return tags;
    }

    /** The number of tags. */
    public int size() {
        return tags.size();
    }

    /** The entity types the tags mark, sorted. */
    public Set<String> types() {
        Set<String> out = new TreeSet<>();
        for (String t : tags) {
            if (!t.equals("O")) {
                out.add(TagScheme.type(t));
            }
        }
        return out;
    }

    /** The id of a tag. */
    public int id(String tag) {
        Integer id = ids.get(tag);
        if (id == null) {
            throw new IllegalArgumentException("tag '" + tag + "' is not in the model's tag set " + tags);
        }
        return id;
    }

    /** The tag ids of a sequence of {@code length} units with these gold spans. */
    public int[] encode(List<TagScheme.TokenSpan> gold, int length) {
        List<String> names = scheme.encode(gold, length);
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = id(names.get(i));
        }
        return out;
    }

    /** The spans a path of tag ids marks (conlleval's rules for broken sequences). */
    public List<TagScheme.TokenSpan> decode(int[] path) {
        List<String> names = new ArrayList<>(path.length);
        for (int id : path) {
            names.add(tags.get(id));
        }
        return TagScheme.decode(names);
    }
}
