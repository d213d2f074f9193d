#!/usr/bin/env python3
"""Writes fixture.bin, the PyTorch reference values of nlpipe's transformer blocks.

Regenerate (from the repository root; needs only PyTorch, e.g. Debian's python3-torch 1.13):

    /usr/bin/python3 pipeline-nn/src/test/resources/transformer/make_fixture.py

The output is deterministic (fixed seed, one thread) and is read by the tests in
pipeline-nn/src/test/java/dev/nlpipe/nn/ (TransformerParityTest, AdamWParityTest...). It is an nlpipe
TensorFile (see TensorFile.java): the magic "NLPT", version 1, a tensor count, then per tensor its
name (Java writeUTF), rank, shape (big-endian int64) and little-endian float32 values. Integers
(lengths, positions) are stored as floats; scalar settings as one-element tensors.

Every case computes in float32 with torch.nn modules written as Hugging Face's BertLayer is
(BertSelfAttention, BertSelfOutput, BertIntermediate, BertOutput), so the state-dict keys are the
weight names nlpipe uses. A loss sum(out * proj) with a random proj gives the gradients stored
under NAME.grad.* for the inputs and every weight.
"""
import math
import os
import struct

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(20240601)
torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixture.bin")
EPS = 1e-12
tensors = {}


def put(name, t):
    tensors[name] = torch.as_tensor(t, dtype=torch.float32).detach().clone()


def linear(n_in, n_out, std):
    lin = nn.Linear(n_in, n_out)
    with torch.no_grad():
        lin.weight.normal_(0, std)
        lin.bias.normal_(0, 0.1)
    return lin


def layer_norm(dim):
    ln = nn.LayerNorm(dim, eps=EPS)
    with torch.no_grad():
        ln.weight.copy_(1 + 0.2 * torch.randn(dim))
        ln.bias.normal_(0, 0.1)
    return ln


def extended_mask(lengths, steps):
    """HF's extended attention mask: 0 where a key is real, the dtype's minimum where it is padding."""
    mask = (torch.arange(steps)[None, :] < torch.tensor(lengths)[:, None]).float()
    return ((1.0 - mask) * torch.finfo(torch.float32).min)[:, None, None, :]


class SelfAttention(nn.Module):
    """BertSelfAttention with a hook: term(q, k) is added to q·kᵀ before the 1/sqrt(d) scaling."""

    def __init__(self, hidden, heads):
        super().__init__()
        self.heads, self.size = heads, hidden // heads
        self.query = linear(hidden, hidden, 0.3)
        self.key = linear(hidden, hidden, 0.3)
        self.value = linear(hidden, hidden, 0.3)

    def split(self, t):
        b, s, _ = t.shape
        return t.view(b, s, self.heads, self.size).permute(0, 2, 1, 3)

    def forward(self, x, mask, term=None):
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2))
        if term is not None:
            scores = scores + term(q, k)
        scores = scores / math.sqrt(self.size) + mask
        probs = F.softmax(scores, dim=-1)
        ctx = torch.matmul(probs, v).permute(0, 2, 1, 3).contiguous()
        return ctx.view(x.shape)


class Dense(nn.Module):
    def __init__(self, n_in, n_out, with_norm):
        super().__init__()
        self.dense = linear(n_in, n_out, 0.3)
        if with_norm:
            self.LayerNorm = layer_norm(n_out)


class Attention(nn.Module):
    """nlpipe's SelfAttention block: HF's self-attention plus the output projection (attention.output.dense)."""

    def __init__(self, hidden, heads):
        super().__init__()
        self.self = SelfAttention(hidden, heads)
        self.output = Dense(hidden, hidden, False)

    def forward(self, x, mask, term=None):
        return self.output.dense(self.self(x, mask, term))


class EncoderLayer(nn.Module):
    """BertLayer (post-LN) without dropout."""

    def __init__(self, hidden, heads, intermediate):
        super().__init__()
        self.attention = Attention(hidden, heads)
        self.attention.output = Dense(hidden, hidden, True)
        self.intermediate = Dense(hidden, intermediate, False)
        self.output = Dense(intermediate, hidden, True)

    def forward(self, x, mask):
        a = self.attention.output.LayerNorm(self.attention(x, mask) + x)
        h = F.gelu(self.intermediate.dense(a))
        return self.output.LayerNorm(self.output.dense(h) + a)


def with_grads(prefix, module, inputs, run):
    """Runs, stores out, proj and the gradients of sum(out * proj) w.r.t. inputs and weights."""
    for name, t in inputs.items():
        if name != "lengths":
            t.requires_grad_(True)
        put(prefix + "." + name, t)
    for name, p in module.state_dict().items():
        put(prefix + "." + name, p)
    out = run()
    proj = torch.randn(out.shape)
    if "lengths" in inputs:
        # padded positions carry no loss, as in training
        proj = proj * (torch.arange(out.shape[1])[None, :] < inputs["lengths"][:, None]).float()[..., None]
    (out * proj).sum().backward()
    put(prefix + ".out", out)
    put(prefix + ".proj", proj)
    for name, t in inputs.items():
        if t.grad is not None:
            put(prefix + ".grad." + name, t.grad)
    for name, p in module.named_parameters():
        put(prefix + ".grad." + name, p.grad)


# LayerNorm over the last axis
ln = layer_norm(8)
ln_x = 2 * torch.randn(2, 3, 8) + 0.5
with_grads("layernorm", ln, {"x": ln_x}, lambda: ln(ln_x))

# GELU, erf form
gelu_x = torch.cat([torch.linspace(-6, 6, 49), torch.randn(15)])
with_grads("gelu", nn.Module(), {"x": gelu_x}, lambda: F.gelu(gelu_x))

# Multi-head self-attention with a padding mask: 2 sequences (lengths 5 and 3), hidden 16, 4 heads
attn = Attention(16, 4)
attn_x = torch.randn(2, 5, 16)
attn_len = torch.tensor([5.0, 3.0])
with_grads("attn", attn, {"x": attn_x, "lengths": attn_len}, lambda: attn(attn_x, extended_mask([5, 3], 5)))

# The same with a FLAT/Transformer-XL-style relative term (q + v)·R_ij + u·k_j added to q·kᵀ before
# scaling; u, v: (heads, d) biases, r: (T, T, d) relative-position encodings shared by the heads.
rel = Attention(16, 4)
rel_x = torch.randn(2, 5, 16)
rel_u, rel_v, rel_r = 0.5 * torch.randn(4, 4), 0.5 * torch.randn(4, 4), torch.randn(5, 5, 4)


def flat_term(q, k):
    qv = q + rel_v[None, :, None, :]
    bd = torch.einsum("bhid,ijd->bhij", qv, rel_r)
    uk = torch.einsum("hd,bhjd->bhj", rel_u, k)[:, :, None, :]
    return bd + uk


with_grads("rel", rel, {"x": rel_x, "lengths": torch.tensor([5.0, 4.0]), "u": rel_u, "v": rel_v, "r": rel_r},
           lambda: rel(rel_x, extended_mask([5, 4], 5), flat_term))

# Sinusoidal tables for positions -6..9, dimension 12: Vaswani's interleaved layout
# (sin at even, cos at odd features) and FLAT's / fairseq's layout (sin half, then cos half,
# frequencies 10000^(-i/(half-1))), computed in float64.
pos = torch.arange(-6, 10, dtype=torch.float64)
dim = 12
inv = torch.pow(10000.0, -torch.arange(0, dim, 2, dtype=torch.float64) / dim)
angles = pos[:, None] * inv[None, :]
vaswani = torch.stack([torch.sin(angles), torch.cos(angles)], dim=2).reshape(len(pos), dim)
half = dim // 2
freq = torch.exp(torch.arange(half, dtype=torch.float64) * -(math.log(10000.0) / (half - 1)))
concat = torch.cat([torch.sin(pos[:, None] * freq[None, :]), torch.cos(pos[:, None] * freq[None, :])], dim=1)
put("sin.positions", pos)
put("sin.interleaved", vaswani)
put("sin.concatenated", concat)

# A post-LN encoder layer: hidden 16, 2 heads, intermediate 32, lengths 6 and 4
layer = EncoderLayer(16, 2, 32)
layer_x = torch.randn(2, 6, 16)
layer_len = torch.tensor([6.0, 4.0])
with_grads("layer", layer, {"x": layer_x, "lengths": layer_len}, lambda: layer(layer_x, extended_mask([6, 4], 6)))

# AdamW with HF's parameter groups (no decay on biases and LayerNorm weights) and HF's
# get_linear_schedule_with_warmup (warm-up 2 of 8 steps); loss sum(coef * (w - target)^2).
base_lr, decay, warmup, total = 0.05, 0.1, 2, 8
shapes = {"enc.dense.weight": (4, 3), "enc.dense.bias": (4,), "enc.LayerNorm.weight": (4,), "enc.LayerNorm.bias": (4,)}
weights = {n: nn.Parameter(torch.randn(s)) for n, s in shapes.items()}
targets = {n: torch.randn(s) for n, s in shapes.items()}
coefs = {n: torch.rand(s) + 0.5 for n, s in shapes.items()}
for n in shapes:
    put("adamw.init." + n, weights[n])
    put("adamw.target." + n, targets[n])
    put("adamw.coef." + n, coefs[n])
no_decay = ["bias", "LayerNorm.weight"]
groups = [
    {"params": [p for n, p in weights.items() if not any(nd in n for nd in no_decay)], "weight_decay": decay},
    {"params": [p for n, p in weights.items() if any(nd in n for nd in no_decay)], "weight_decay": 0.0},
]
opt = torch.optim.AdamW(groups, lr=base_lr, betas=(0.9, 0.999), eps=1e-8)


def lr_lambda(step):  # transformers.get_linear_schedule_with_warmup
    if step < warmup:
        return float(step) / float(max(1, warmup))
    return max(0.0, float(total - step) / float(max(1, total - warmup)))


sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda)
lrs = []
for step in range(total):
    lrs.append(opt.param_groups[0]["lr"])
    opt.zero_grad()
    loss = sum((coefs[n] * (weights[n] - targets[n]) ** 2).sum() for n in shapes)
    loss.backward()
    opt.step()
    sched.step()
    if step == 2:
        for n in shapes:
            put("adamw.step3." + n, weights[n])
for n in shapes:
    put("adamw.final." + n, weights[n])
put("adamw.lr", lrs)
put("adamw.config", [base_lr, decay, warmup, total])

with open(OUT, "wb") as f:
    f.write(struct.pack(">iii", 0x4E4C5054, 1, len(tensors)))
    for name, t in tensors.items():
        raw = name.encode("utf-8")
        f.write(struct.pack(">H", len(raw)) + raw)
        f.write(struct.pack(">i", t.dim()))
        for d in t.shape:
            f.write(struct.pack(">q", d))
        f.write(t.contiguous().numpy().astype("<f4").tobytes())
print("wrote %d tensors to %s (%d bytes)" % (len(tensors), OUT, os.path.getsize(OUT)))
