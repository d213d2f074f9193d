/**
 * Reading BERT weights out of an ONNX export as data, without running it: a minimal Protocol Buffers
 * reader ({@code ProtoReader}), the graph's initializers, nodes and tensors ({@code OnnxGraph},
 * {@code OnnxNode}, {@code OnnxTensor}), and {@code OnnxBertWeights}, which names and transposes the
 * anonymous matrices of Hugging Face's {@code BertModel} export into PyTorch's layout.
 */
package dev.nlpipe.nn.bert.onnx;
