/**
 * Evaluation metrics shared by the task modules: classification scores (accuracy, per-class
 * precision/recall/F1, macro and micro averages, confusion matrix) and ROC-AUC.
 */
package dev.nlpipe.core.eval;
