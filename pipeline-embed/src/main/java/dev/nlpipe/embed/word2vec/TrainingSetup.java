package dev.nlpipe.embed.word2vec;

/**
 * What every training thread shares: the network, the hyper-parameters, the corpus cache and the
 * tables derived from the vocabulary.
 *
 * @param model the network being trained
 * @param params the hyper-parameters
 * @param cache the tokenized corpus
 * @param tokenToWord cache token id to vocabulary row (-1 when dropped)
 * @param keep per row, the 24-bit probability of keeping an occurrence (frequent-word down-sampling)
 * @param tree the Huffman tree (hierarchical softmax), or {@code null}
 * @param sampler the negative sampler, or {@code null}
 * @param rate the shared learning-rate schedule
 */
record TrainingSetup(Word2VecModel model, Word2VecParams params, CorpusCache cache, int[] tokenToWord, int[] keep, HuffmanTree tree,
                     UnigramSampler sampler, TrainingWorker.LearningRate rate) {

    /**
     * The C tool's down-sampling: an occurrence of a word with frequency {@code f = count / total} is
     * kept with probability {@code (sqrt(f / sample) + 1) * sample / f}, capped at 1.
     */
    static int[] keepProbabilities(long[] counts, long totalWords, double sample) {
        int[] keep = new int[counts.length];
        for (int w = 0; w < counts.length; w++) {
            if (sample <= 0 || counts[w] == 0) {
                keep[w] = TrainingWorker.KEEP_ALL;
                continue;
            }
            double threshold = sample * totalWords;
            double p = (Math.sqrt(counts[w] / threshold) + 1) * threshold / counts[w];
            keep[w] = p >= 1 ? TrainingWorker.KEEP_ALL : (int) (p * TrainingWorker.KEEP_ALL);
        }
        return keep;
    }
}
