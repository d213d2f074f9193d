# Reads character-per-line files (bmes: a character and its tag on each line, a blank line between
# sentences) and writes one sentence per line twice, as the character taggers look their units up:
# its characters, and its bigrams (each character with the next, the last with </s>), separated by
# spaces, digits (ASCII and full-width) as 0. The word2vec scripts learn character and bigram
# vectors from them.
#   awk -v chars=CHARS_FILE -v bigrams=BIGRAMS_FILE -f examples/char-bigram-lines.awk FILE...
function flush(   i, c, b) {
  if (n == 0) return
  c = ""; b = ""
  for (i = 1; i <= n; i++) {
    c = c (i > 1 ? " " : "") u[i]
    b = b (i > 1 ? " " : "") u[i] (i < n ? u[i + 1] : "</s>")
  }
  print c > chars; print b > bigrams; n = 0
}
FNR == 1 { flush() }
NF == 0 { flush(); next }
{ ch = $1; gsub(/[0-9]|０|１|２|３|４|５|６|７|８|９/, "0", ch); u[++n] = ch }
END { flush() }
