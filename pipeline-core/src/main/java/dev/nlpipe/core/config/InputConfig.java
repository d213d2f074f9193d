package dev.nlpipe.core.config;

import dev.nlpipe.core.io.ReadSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code input:} section: where documents come from and in which format. Keys other than the
 * common ones below are the format's own options ({@code textColumn} for csv, ...).
 *
 * @param path a file, a directory, or {@code -} for standard input
 * @param format a registered input format ({@code text}, {@code jsonl}, {@code csv}, ...)
 * @param glob file-name pattern for directories
 * @param recursive whether directories are walked recursively
 * @param language language code set on documents that carry none
 * @param maxLineLength longest accepted line in bytes
 * @param formatOptions the remaining keys, for the format
 * @param location where the section is
 * @param pathLocation where {@code path} is written
 */
public record InputConfig(Path path, String format, String glob, boolean recursive, String language, int maxLineLength,
                          Node.MapNode formatOptions, Location location, Location pathLocation) {

    /** The input section's own keys, read apart from the format's options. */
    public static final List<String> COMMON_KEYS = List.of("path", "format", "glob", "recursive", "language", "maxLineLength");

    /** Parses the section; format options are checked later against the format's declaration. */
    public static InputConfig parse(Node node) {
        Node.MapNode m = Sections.map(node, "input");
        String path = Sections.text(m.get("path"), "input.path");
        Options common = Options.validate("input", Sections.without(m, m.entries().keySet().stream()
                .filter(k -> !COMMON_KEYS.contains(k)).toList()), m.location(), List.of(
                OptionSpec.string("path", null, "file, directory or - for standard input"),
                OptionSpec.string("format", "text", "input format"),
                OptionSpec.string("glob", null, "file-name pattern inside a directory"),
                OptionSpec.bool("recursive", true, "walk sub-directories"),
                OptionSpec.string("language", null, "language code for documents without one"),
                OptionSpec.integer("maxLineLength", ReadSettings.DEFAULT_MAX_LINE_BYTES, "longest accepted line, in bytes")
                        .between(1, ReadSettings.MAX_LINE_BYTES)));
        return new InputConfig(path == null ? null : Path.of(path), common.getString("format"), common.getString("glob"),
                common.getBoolean("recursive"), common.getString("language"), common.getInt("maxLineLength"),
                Sections.without(m, COMMON_KEYS), m.location(),
                m.get("path") == null ? m.location() : m.get("path").location());
    }

    /** An input section for {@code path} with every other key at its default, as {@code --input PATH} alone gives. */
    public static InputConfig of(Path path) {
        return parse(PlainNodes.toNode(Map.of("path", path.toString()), new Location("--input", 1, 1)));
    }

    /** This input reading another path. */
    public InputConfig withPath(Path newPath) {
        return new InputConfig(newPath, format, glob, recursive, language, maxLineLength, formatOptions, location,
                new Location("--input", 1, 1));
    }
}
