package dev.nlpipe.core.io.format;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.io.DocumentWriter;
import dev.nlpipe.core.io.WriterProvider;
import java.util.List;

/**
 * One document per line: its tokens joined by a separator (a space by default), or its text when
 * it has no tokens (or with {@code tokens: false}). Line breaks inside a document are written as
 * spaces so every document stays on one line.
 */
public final class TextWriter implements WriterProvider {

    @Override
    public String name() {
        return "text";
    }

    @Override
    public String description() {
        return "plain text, one document per line: tokens joined by a space (or the text when untokenized)";
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.string("separator", " ", "placed between tokens"),
                OptionSpec.bool("skipStopwords", false, "leave out tokens marked as stop words"),
                OptionSpec.bool("tokens", true, "write the tokens when the document has them; false writes its text"));
    }

    @Override
    public DocumentWriter create(Options options) {
        String sep = options.getString("separator");
        boolean skipStop = options.getBoolean("skipStopwords");
        boolean useTokens = options.getBoolean("tokens");
        return (doc, out) -> {
            List<Token> tokens = useTokens ? doc.tokens() : null;
            if (tokens == null) {
                appendOneLine(doc.text(), out);
            } else {
                boolean first = true;
                for (Token t : tokens) {
                    if (skipStop && t.stop()) {
                        continue;
                    }
                    if (!first) {
                        out.append(sep);
                    }
                    appendOneLine(t.text(), out);
                    first = false;
                }
            }
            out.append('\n');
        };
    }

    static void appendOneLine(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c == '\n' || c == '\r' ? ' ' : c);
        }
    }
}
