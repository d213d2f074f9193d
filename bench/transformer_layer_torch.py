#!/usr/bin/python3
"""The PyTorch reference of bench/transformer-layer.sh: one BERT encoder layer, written as Hugging
Face's BertLayer is (torch.nn.Linear, LayerNorm, F.gelu, dropout 0.1, the extended attention mask),
forward and backward on a padded float32 batch on the CPU, with the shapes and padding of nlpipe's
TransformerLayerBench (sequence i holds 64 + 37·i mod 65 tokens). Untimed warm-up iterations first.
Prints `key value` lines: milliseconds per iteration (mean and best) and iterations per second.

Usage: transformer_layer_torch.py THREADS [ITERATIONS] [WARMUP] [HIDDEN HEADS STEPS BATCH]
"""
import math
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn


class Layer(nn.Module):
    """Hugging Face's BertLayer; also the layer of bert_speed_torch.py's encoder."""

    def __init__(self, hidden, heads, dropout=0.1, intermediate=None, eps=1e-12):
        super().__init__()
        intermediate = intermediate or 4 * hidden
        self.heads, self.size = heads, hidden // heads
        self.query, self.key, self.value = nn.Linear(hidden, hidden), nn.Linear(hidden, hidden), nn.Linear(hidden, hidden)
        self.attn_out, self.attn_norm = nn.Linear(hidden, hidden), nn.LayerNorm(hidden, eps=eps)
        self.inter, self.out = nn.Linear(hidden, intermediate), nn.Linear(intermediate, hidden)
        self.out_norm = nn.LayerNorm(hidden, eps=eps)
        self.dropout = dropout

    def split(self, t):
        b, s, _ = t.shape
        return t.view(b, s, self.heads, self.size).permute(0, 2, 1, 3)

    def forward(self, x, mask):
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.size) + mask
        probs = F.dropout(F.softmax(scores, dim=-1), self.dropout, self.training)
        ctx = torch.matmul(probs, v).permute(0, 2, 1, 3).contiguous().view(x.shape)
        a = self.attn_norm(F.dropout(self.attn_out(ctx), self.dropout, self.training) + x)
        h = F.dropout(self.out(F.gelu(self.inter(a))), self.dropout, self.training)
        return self.out_norm(h + a)


def sgemm_gflops():
    """The speed of one (4096 x 256) · (256 x 1024) product, the BLAS this PyTorch runs on."""
    a, b = torch.randn(4096, 256), torch.randn(256, 1024)
    a @ b
    t0 = time.perf_counter()
    for _ in range(10):
        a @ b
    return 10 * 2 * 4096 * 256 * 1024 / (time.perf_counter() - t0) / 1e9


def main():
    args = [int(a) for a in sys.argv[1:]]
    threads = args[0]
    iterations, warmup, hidden, heads, steps, batch = (args[1:] + [10, 3, 256, 4, 128, 32][len(args) - 1:])[:6]
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    layer = Layer(hidden, heads).train()
    x = torch.randn(batch, steps, hidden)
    lengths = torch.tensor([min(steps, 64 + (37 * i) % 65) for i in range(batch)])
    mask = (torch.arange(steps)[None, :] < lengths[:, None]).float()
    mask = ((1.0 - mask) * torch.finfo(torch.float32).min)[:, None, None, :]
    total, best = 0.0, float("inf")
    for it in range(warmup + iterations):
        t0 = time.perf_counter()
        out = layer(x, mask)
        (out * out).mean().backward()
        secs = time.perf_counter() - t0
        if it >= warmup:
            total += secs
            best = min(best, secs)
    print("threads %d\nshape %d,%d,%d heads %d\niterations %d" % (torch.get_num_threads(), batch, steps, hidden, heads, iterations))
    print("sgemm_gflops %.1f" % sgemm_gflops())
    print("ms_per_iteration %.2f\nbest_ms %.2f\niterations_per_second %.3f" % (1000 * total / iterations, 1000 * best,
                                                                              iterations / total))


if __name__ == "__main__":
    main()
