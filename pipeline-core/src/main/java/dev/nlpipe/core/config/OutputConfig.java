package dev.nlpipe.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code output:} section. A path ending in {@code /} (or an existing directory) mirrors each
 * input file to its own output file; {@code -} writes to standard output; a {@code .gz} name is
 * compressed. Other keys are the format's own options.
 *
 * @param path the output file, directory or {@code -}
 * @param directory whether {@code path} names a directory to mirror inputs into (written with a
 *     trailing {@code /}, or an existing directory)
 * @param format a registered output format ({@code jsonl}, {@code text}, {@code conll}, ...)
 * @param errors where bad records go; default {@code <path>.errors.jsonl}
 * @param formatOptions the remaining keys, for the format
 * @param location where the section is
 */
public record OutputConfig(Path path, boolean directory, String format, Path errors, Node.MapNode formatOptions, Location location) {

    /** The output section's own keys, read apart from the format's options. */
    public static final List<String> COMMON_KEYS = List.of("path", "format", "errors");

    /** Parses the section. */
    public static OutputConfig parse(Node node) {
        Node.MapNode m = Sections.map(node, "output");
        String path = Sections.text(m.get("path"), "output.path");
        String format = Sections.text(m.get("format"), "output.format");
        String errors = Sections.text(m.get("errors"), "output.errors");
        return new OutputConfig(path == null ? null : Path.of(path), path != null && isDirectory(path),
                format == null ? "jsonl" : format, errors == null ? null : Path.of(errors), Sections.without(m, COMMON_KEYS), m.location());
    }

    /** An output section for {@code path} (as the user wrote it) with every other key at its default, as {@code --output PATH} alone gives. */
    public static OutputConfig of(String path) {
        return parse(PlainNodes.toNode(Map.of("path", path), new Location("--output", 1, 1)));
    }

    /** This output written elsewhere ({@code path} as the user wrote it: a trailing {@code /} means a directory). */
    public OutputConfig withPath(String newPath) {
        return new OutputConfig(Path.of(newPath), isDirectory(newPath), format, errors, formatOptions, location);
    }

    /** Whether a path as written names a directory output (trailing slash, or an existing directory). */
    public static boolean isDirectory(String path) {
        return !path.equals("-") && (path.endsWith("/") || path.endsWith(java.io.File.separator) || Files.isDirectory(Path.of(path)));
    }
}
