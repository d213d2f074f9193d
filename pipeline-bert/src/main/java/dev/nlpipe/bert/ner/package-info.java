/**
 * {@code task: ner.bert} and model kind {@code ner.bert}: a pretrained BERT encoder fine-tuned for
 * named entities with a linear layer and a CRF. The units it tags are those of the BiLSTM-CRF
 * ({@link dev.nlpipe.ner.data.Units}: characters for Chinese, tokens for English); each unit is
 * read through its first word piece, long sentences in overlapping windows, and tagged spans map
 * back to character offsets of the original text. Trained by
 * {@link dev.nlpipe.bert.ner.BertTaggerTrainer}, loaded by {@link dev.nlpipe.bert.ner.BertTaggerKind}
 * as a {@link dev.nlpipe.core.model.Tagger} that the {@code ner} stage and {@code nlpipe eval ner}
 * use; see {@code docs/ner-bert.md}.
 */
package dev.nlpipe.bert.ner;
