/** nlpipe embed module; its stages and trainers register through {@link java.util.ServiceLoader}. */
package dev.nlpipe.embed;
