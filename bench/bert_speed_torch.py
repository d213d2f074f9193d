#!/usr/bin/python3
"""The PyTorch reference of bench/bert-speed.sh: the same BERT classifier (the encoder of an nlpipe
encoder.bert directory, read from its config.json and model.safetensors, written with torch.nn as
Hugging Face's BertModel; the [CLS] vector; the output layer nlpipe wrote to IDS_FILE), on the same
batches of word-piece ids: logits of the first texts, inference, then fine-tuning steps (forward,
backward, AdamW with Hugging Face's no-decay groups, clipping at 1.0). Prints `key value` lines,
with the speed of the BLAS this PyTorch runs on (sgemm_gflops).

Usage: bert_speed_torch.py ENCODER_DIR IDS_FILE THREADS TRAIN_STEPS
"""
import json
import struct
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn

from transformer_layer_torch import Layer, sgemm_gflops


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        assert info["dtype"] == "F32", info["dtype"]
        start, end = info["data_offsets"]
        out[name] = torch.frombuffer(bytearray(data[start:end]), dtype=torch.float32).reshape(info["shape"])
    return out


class Classifier(nn.Module):
    def __init__(self, c):
        super().__init__()
        h = c["hidden_size"]
        self.word = nn.Embedding(c["vocab_size"], h)
        self.pos = nn.Embedding(c["max_position_embeddings"], h)
        self.types = nn.Embedding(c["type_vocab_size"], h)
        self.norm = nn.LayerNorm(h, eps=c["layer_norm_eps"])
        self.layers = nn.ModuleList(Layer(h, c["num_attention_heads"], c["hidden_dropout_prob"], c["intermediate_size"],
                                          c["layer_norm_eps"]) for _ in range(c["num_hidden_layers"]))
        self.classifier = nn.Linear(h, 2)
        self.p = c["hidden_dropout_prob"]

    def load(self, w, head):
        names = {"word.weight": "embeddings.word_embeddings.weight", "pos.weight": "embeddings.position_embeddings.weight",
                 "types.weight": "embeddings.token_type_embeddings.weight", "norm.weight": "embeddings.LayerNorm.weight",
                 "norm.bias": "embeddings.LayerNorm.bias"}
        parts = {"query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
                 "attn_out": "attention.output.dense", "attn_norm": "attention.output.LayerNorm",
                 "inter": "intermediate.dense", "out": "output.dense", "out_norm": "output.LayerNorm"}
        for i in range(len(self.layers)):
            for mine, hf in parts.items():
                for p in ("weight", "bias"):
                    names[f"layers.{i}.{mine}.{p}"] = f"encoder.layer.{i}.{hf}.{p}"
        state = {mine: w[hf] for mine, hf in names.items()}
        state["classifier.weight"] = head
        state["classifier.bias"] = torch.zeros(2)
        self.load_state_dict(state)

    def forward(self, ids, lengths):
        b, s = ids.shape
        mask = (torch.arange(s)[None, :] < lengths[:, None]).float()
        ext = (1.0 - mask)[:, None, None, :] * torch.finfo(torch.float32).min
        x = self.word(ids) + self.pos(torch.arange(s))[None] + self.types(torch.zeros_like(ids))
        x = F.dropout(self.norm(x), self.p, self.training)
        for layer in self.layers:
            x = layer(x, ext)
        return self.classifier(F.dropout(x[:, 0], 0.1, self.training))


def batches(path):
    head, out, cur = None, [], []
    for line in open(path):
        line = line.rstrip("\n")
        if line.startswith("classifier.weight"):
            head = [float(v) for v in line.split()[1:]]
        elif not line:
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append([int(v) for v in line.split()])
    if cur:
        out.append(cur)
    return head, out


def tensors(batch):
    lengths = torch.tensor([len(r) for r in batch])
    ids = torch.zeros(len(batch), int(lengths.max()), dtype=torch.long)
    for i, r in enumerate(batch):
        ids[i, :len(r)] = torch.tensor(r)
    return ids, lengths


def main():
    encoder_dir, ids_file, threads, steps = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    config = json.load(open(encoder_dir + "/config.json"))
    head, data = batches(ids_file)
    model = Classifier(config)
    model.load(read_safetensors(encoder_dir + "/model.safetensors"), torch.tensor(head).reshape(2, config["hidden_size"]))
    model.eval()
    with torch.no_grad():
        first = data[0][:8]
        logits = model(*tensors(first))
        for i in range(len(first)):
            print(f"logits_{i} {logits[i, 0].item():.9f} {logits[i, 1].item():.9f}")
        model(*tensors(data[0]))
        t0 = time.perf_counter()
        n = 0
        for b in data:
            model(*tensors(b))
            n += len(b)
        infer = time.perf_counter() - t0
    model.train()
    decay = [p for name, p in model.named_parameters() if not (name.endswith("bias") or "norm" in name)]
    no_decay = [p for name, p in model.named_parameters() if name.endswith("bias") or "norm" in name]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}], lr=2e-5)

    def step(b):
        ids, lengths = tensors(b)
        gold = torch.arange(len(b)) % 2
        loss = F.cross_entropy(model(ids, lengths), gold)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()

    step(data[0])
    t0 = time.perf_counter()
    trained = 0
    for s in range(steps):
        b = data[s % len(data)]
        step(b)
        trained += len(b)
    train = time.perf_counter() - t0
    print(f"threads {torch.get_num_threads()}")
    print(f"sgemm_gflops {sgemm_gflops():.1f}")
    print(f"inference_sequences_per_second {n / infer:.1f}")
    print(f"train_sequences_per_second {trained / train:.1f}")


if __name__ == "__main__":
    main()
