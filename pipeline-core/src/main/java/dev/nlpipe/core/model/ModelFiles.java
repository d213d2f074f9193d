package dev.nlpipe.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The one place that turns a file name written in a {@code model.json} into a path. Model
 * directories come from colleagues and the internet, so a name is data that must not reach
 * outside its directory: it has to be relative, stay inside after {@code ..} is resolved, and not
 * lead out through a symbolic link. Every model kind resolves the names it reads here.
 */
public final class ModelFiles {
    private static final String MODEL_JSON_AT = "names in " + ModelDir.MODEL_JSON + " as ";

    private ModelFiles() {
    }

    /**
     * The file a model names, checked to lie inside the model directory.
     *
     * @param dir the model directory
     * @param name the name as {@code model.json} writes it (e.g. {@code vocabulary.tsv}, {@code features})
     * @param field where {@code model.json} writes it, for the message (e.g. {@code vocabularyFile})
     * @throws ModelException naming the field and the name when it is absolute, leaves the
     *     directory, or is a symbolic link that leads out of it
     */
    public static Path resolve(Path dir, String name, String field) {
        if (name == null || name.isBlank()) {
            throw new ModelException(dir, MODEL_JSON_AT + field + " an empty name; it must name a file inside the model directory");
        }
        Path given;
        try {
            given = Path.of(name);
        } catch (InvalidPathException e) {
            throw new ModelException(dir, MODEL_JSON_AT + field + " something that is not a valid file name: " + e.getReason());
        }
        if (given.isAbsolute() || given.getRoot() != null) {
            throw new ModelException(dir, MODEL_JSON_AT + field + " the absolute path '" + name
                    + "'; a model may only name files inside its own directory, by a relative name");
        }
        Path base = dir.toAbsolutePath().normalize();
        Path file = base.resolve(given).normalize();
        if (!file.startsWith(base) || file.equals(base)) {
            throw new ModelException(dir, MODEL_JSON_AT + field + " '" + name
                    + "', which is outside the model directory; a model may only name files inside it");
        }
        checkNoEscapingLink(dir, file, field + " '" + name + "'");
        return file;
    }

    /**
     * Checks that no symbolic link inside the model directory leads out of it, so the fixed file
     * names every kind reads ({@code weights.bin}, {@code vocab.txt}) cannot be pointed elsewhere either.
     *
     * @throws ModelException naming the link
     */
    public static void checkLinks(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(p)) {
                    checkNoEscapingLink(dir, p, dir.relativize(p).toString());
                }
            }
        } catch (IOException e) {
            throw new ModelException(dir, "cannot be listed: " + e.getMessage());
        }
    }

    /** The name of a file of the model as {@code model.json} records it: relative, with '/' separators. */
    static String relativeName(Path dir, Path file) {
        return dir.relativize(file).toString().replace(dir.getFileSystem().getSeparator(), "/");
    }

    private static void checkNoEscapingLink(Path dir, Path file, String what) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return; // the caller reports a missing file in its own terms
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(dir.toRealPath())) {
                throw new ModelException(dir, "has " + what + " as a symbolic link that leads outside the model directory; "
                        + "replace the link by the file itself");
            }
        } catch (IOException e) {
            throw new ModelException(dir, "has " + what + ", which cannot be followed: " + e.getMessage());
        }
    }
}
