package dev.nlpipe.nn.bert;

/**
 * A token matched in the text before WordPiece sees it ({@code [CLS]}, {@code [MASK]}... written literally in the
 * input), as a {@code tokenizer.json}'s {@code added_tokens} has it.
 *
 * @param id its id
 * @param content its text
 * @param singleWord match only where it is not part of a longer word
 * @param lstrip take the whitespace on its left into the match
 * @param rstrip take the whitespace on its right into the match
 * @param normalized match in the normalized text (else in the original text)
 * @param special a special token (BERT's [PAD], [UNK], [CLS], [SEP], [MASK])
 */
public record AddedToken(int id, String content, boolean singleWord, boolean lstrip, boolean rstrip, boolean normalized,
                         boolean special) {

    public AddedToken {
        if (content == null || content.isEmpty()) {
            throw new IllegalArgumentException("an added token needs a content");
        }
    }

    /** A special token as BERT's tokenizer.json files declare them: matched in the original text, nothing stripped. */
    public static AddedToken special(int id, String content) {
        return new AddedToken(id, content, false, false, false, false, true);
    }
}
