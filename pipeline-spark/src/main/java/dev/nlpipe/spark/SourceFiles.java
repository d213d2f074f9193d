package dev.nlpipe.spark;

import dev.nlpipe.core.io.InputFiles;
import dev.nlpipe.core.io.InputSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files of a job's input, listed on the driver and opened on the executors. A plain path is
 * listed exactly as {@code nlpipe run} lists it (same order, same {@code meta.source} names, so
 * the outputs compare equal); a URI with a scheme ({@code hdfs://}, {@code s3a://}, {@code file:})
 * is listed and read through Hadoop's file systems with the same rules: sorted by relative path,
 * hidden files (and Hadoop's {@code _SUCCESS}-style {@code _} files) skipped, the glob matching names (or relative paths when it holds {@code /}).
 */
final class SourceFiles {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

    /**
     * One input file as it travels to an executor.
     *
     * @param name {@code meta.source} of its documents
     * @param relative the path relative to the input root
     * @param local a local path, or {@code null} for a Hadoop URI
     * @param uri the Hadoop URI, or {@code null}
     * @param length the file's size in bytes, as listed
     */
    record Ref(String name, String relative, String local, String uri, long length) implements Serializable {
        InputSource open(Map<String, String> hadoopConf) {
            if (local != null) {
                return new InputSource(Path.of(local), name, relative);
            }
            return InputSource.of(name, relative, () -> openAt(0, hadoopConf));
        }

        /** The file's raw bytes from {@code offset} on. */
        InputStream openAt(long offset, Map<String, String> hadoopConf) throws IOException {
            if (local != null) {
                FileChannel channel = FileChannel.open(Path.of(local));
                channel.position(offset);
                return Channels.newInputStream(channel);
            }
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
            FSDataInputStream in = p.getFileSystem(toConfiguration(hadoopConf)).open(p);
            in.seek(offset);
            return in;
        }
    }

    private SourceFiles() {
    }

    /**
     * The checks {@code nlpipe run} makes before reading, for the job's files: an input that holds no
     * file (a mistyped glob would publish an empty output over the last run's), and an input that is
     * an output or lies inside one (publishing moves the output aside and deletes it: an output equal
     * to the input deleted the corpus; a rerun read its own earlier output).
     *
     * @param outputs the output and errors paths, as given
     */
    static void checkApart(List<Ref> files, String inPath, dev.nlpipe.core.config.InputConfig in, List<String> outputs, Configuration conf)
            throws IOException {
        if (files.isEmpty()) {
            throw new dev.nlpipe.core.config.ConfigException(in.pathLocation(), "input " + inPath + " holds no file"
                    + (in.glob() == null || in.glob().isEmpty() ? "" : " matching glob '" + in.glob() + "'") + "; hidden files are never read");
        }
        for (String output : outputs) {
            String out = qualified(output, conf);
            for (Ref f : files) {
                String file = f.local() != null ? local(f.local(), conf) : qualified(f.uri(), conf);
                if (within(file, out)) {
                    throw new dev.nlpipe.core.config.ConfigException(in.pathLocation(), "the input " + f.name() + " lies in the output "
                            + output + ", which the job replaces when it publishes; put the output beside the input");
                }
            }
        }
    }

    /** {@link #checkApart} for an input Spark lists itself (Parquet): the input path against the outputs. */
    static void checkPathApart(String inPath, dev.nlpipe.core.config.InputConfig in, List<String> outputs, Configuration conf)
            throws IOException {
        String input = qualified(inPath, conf);
        for (String output : outputs) {
            String out = qualified(output, conf);
            if (within(input, out) || within(out, input)) {
                throw new dev.nlpipe.core.config.ConfigException(in.pathLocation(), "the input " + inPath + " and the output " + output
                        + " overlap; the job replaces the output when it publishes: put the output beside the input");
            }
        }
    }

    /**
     * Refuses an errors output that is the output, or lies inside it or around it: publishing one
     * moves the other aside and deletes it (an errors path equal to the output deleted the output).
     */
    static void checkErrorsApart(String errors, String output, dev.nlpipe.core.config.Location at, Configuration conf) throws IOException {
        String e = qualified(errors, conf);
        String o = qualified(output, conf);
        if (within(e, o) || within(o, e)) {
            throw new dev.nlpipe.core.config.ConfigException(at, "output.errors " + errors + " and the output " + output + " overlap;"
                    + " the job publishes each by replacing it: give the errors a path beside the output");
        }
    }

    private static boolean within(String path, String dir) {
        return path.equals(dir) || path.startsWith(dir + "/");
    }

    /** A path or URI as the job's file system names it (a plain path on the default file system, as the job writes it). */
    private static String qualified(String path, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        return p.getFileSystem(conf).makeQualified(p).toString().replaceFirst("/+$", "");
    }

    /** A file listed on the local file system, named as Hadoop names it. */
    private static String local(String path, Configuration conf) throws IOException {
        return qualified(Path.of(path).toAbsolutePath().normalize().toUri().toString(), conf);
    }

    /** Whether {@code path} names a Hadoop file system URI rather than a local path. */
    static boolean isUri(String path) {
        return SCHEME.matcher(path).matches();
    }

    /** The files under {@code path}, in reading order. */
    static List<Ref> list(String path, String glob, boolean recursive, Configuration conf) throws IOException {
        List<Ref> out = new ArrayList<>();
        if (!isUri(path)) {
            for (InputSource s : InputFiles.list(Path.of(path), glob, recursive)) {
                // Executors run in their own working directories: they get the absolute path, documents keep nlpipe run's name.
                out.add(new Ref(s.name(), s.relative(), s.path().toAbsolutePath().toString(), null, s.size()));
            }
            return out;
        }
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(path);
        FileSystem fs = root.getFileSystem(conf);
        FileStatus status = fs.getFileStatus(root);
        if (!status.isDirectory()) {
            out.add(new Ref(path, root.getName(), null, status.getPath().toString(), status.getLen()));
            return out;
        }
        String rootUri = status.getPath().toUri().getPath();
        Predicate<Path> selected = InputFiles.selectedBy(glob);
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, recursive);
        while (files.hasNext()) {
            LocatedFileStatus f = files.next();
            String relative = f.getPath().toUri().getPath().substring(rootUri.length()).replaceFirst("^/+", "");
            if (hidden(relative) || !selected.test(Path.of(relative))) {
                continue;
            }
            out.add(new Ref(f.getPath().toString(), relative, null, f.getPath().toString(), f.getLen()));
        }
        out.sort(Comparator.comparing(Ref::relative));
        return out;
    }

    /** Hadoop's configuration as plain entries, which serialize (a {@link Configuration} does not). */
    static Map<String, String> entries(Configuration conf) {
        Map<String, String> m = new HashMap<>();
        conf.forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    static Configuration toConfiguration(Map<String, String> entries) {
        Configuration conf = new Configuration(false);
        entries.forEach(conf::set);
        return conf;
    }

    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }
}
