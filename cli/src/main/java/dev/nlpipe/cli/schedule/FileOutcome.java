package dev.nlpipe.cli.schedule;

/**
 * What processing one file produced.
 *
 * @param docsIn documents read
 * @param docsOut documents written
 * @param badRecords records skipped as bad ({@code onError: skip}), listed in the output's errors file
 * @param millis processing time
 * @param output the output path relative to the output directory
 * @param outputSize the published output's size in bytes
 * @param firstBadRecord the first bad record, for the log, or {@code null}
 */
public record FileOutcome(long docsIn, long docsOut, long badRecords, long millis, String output, long outputSize,
                          String firstBadRecord) {
}
