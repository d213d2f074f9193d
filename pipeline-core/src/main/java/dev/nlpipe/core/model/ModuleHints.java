package dev.nlpipe.core.model;

import java.util.Collection;
import java.util.Map;

/**
 * Which nlpipe artifact provides a registered name, by its family, for messages about a name that
 * is not installed: a Java application that depends on {@code pipeline-core} alone has no
 * {@code ner} models until it adds {@code pipeline-ner}.
 */
public final class ModuleHints {
    private static final Map<String, String> ARTIFACT_BY_NAME = Map.of(
            "classify.bert", "pipeline-bert",
            "ner.bert", "pipeline-bert",
            "embed.bert", "pipeline-bert",
            "tokenize.wordpiece", "pipeline-bert",
            "pretrain.mlm", "pipeline-bert",
            "encoder.bert", "pipeline-nn");
    private static final Map<String, String> ARTIFACT_BY_FAMILY = Map.of(
            "ner", "pipeline-ner",
            "classify", "pipeline-classify",
            "vectorize", "pipeline-embed",
            "embed", "pipeline-embed",
            "keywords", "pipeline-embed",
            "augment", "pipeline-augment");

    private ModuleHints() {
    }

    /**
     * The artifact id that provides {@code name} ({@code family.implementation}), or {@code null}
     * when the family is not one nlpipe ships outside {@code pipeline-core}.
     */
    public static String artifactOf(String name) {
        int dot = name.indexOf('.');
        return ARTIFACT_BY_NAME.getOrDefault(name, ARTIFACT_BY_FAMILY.get(dot < 0 ? name : name.substring(0, dot)));
    }

    /**
     * A sentence naming the artifact that provides {@code name} ({@code family.implementation}),
     * or an empty string when the family is not one nlpipe ships.
     */
    public static String forName(String name) {
        String artifact = artifactOf(name);
        return artifact == null ? "" : " ('" + name + "' comes with the dev.nlpipe:" + artifact
                + " artifact (or dev.nlpipe:nlpipe-all, which has every module); add it to the class path,"
                + " or use the nlpipe command, which has them all)";
    }

    /**
     * {@link #forName} for a name that is not registered, but only when the artifact that would
     * provide it is absent: when any of {@code installed} comes from that artifact, the name is a
     * typo, and telling the user to add a jar they already have would send them the wrong way.
     */
    public static String forMissing(String name, Collection<String> installed) {
        String artifact = artifactOf(name);
        if (artifact == null || installed.stream().anyMatch(n -> artifact.equals(artifactOf(n)))) {
            return "";
        }
        return forName(name);
    }
}
