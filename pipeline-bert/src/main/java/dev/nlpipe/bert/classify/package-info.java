/**
 * BERT text classification, task and model kind {@code classify.bert}: the network (encoder, pooled
 * vector, dropout, linear layer, as Hugging Face's {@code BertForSequenceClassification}), its trainer
 * (AdamW, warm-up and linear decay, R-Drop and adversarial training as options) and the fine-tuned
 * model as a thread-safe {@code TextClassifier} that the {@code classify} stage serves.
 */
package dev.nlpipe.bert.classify;
