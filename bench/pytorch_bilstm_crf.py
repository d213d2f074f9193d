#!/usr/bin/python3
"""A compact PyTorch BiLSTM-CRF, the reference that bench/ner-bilstm-crf.sh times nlpipe against.

Same network and training as nlpipe's ner.bilstm-crf bench configuration: character embeddings,
one bidirectional LSTM layer (packed sequences), dropout, a linear layer and a linear-chain CRF
(forward algorithm for the loss, batched Viterbi for decoding), Adam, length-bucketed batches.
Prints one JSON object: training and inference sentences/s and the test span F1.

Usage: pytorch_bilstm_crf.py TRAIN TEST --threads N [--epochs 3] [--batch 16] [--emb 50] [--hidden 100]
"""
import argparse
import json
import random
import sys
import time

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


def read_columns(path):
    """Sentences as (characters, tags) from a `char tag` file with blank lines between sentences."""
    sentences, chars, tags = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if chars:
                    sentences.append((chars, tags))
                    chars, tags = [], []
                continue
            chars.append(parts[0])
            tags.append(parts[-1])
    if chars:
        sentences.append((chars, tags))
    return sentences


def chunks(tags):
    """Entity spans read by conlleval's rules (S as B; M and E as I)."""
    def split(tag):
        if tag == "O":
            return "O", ""
        prefix, _, kind = tag.partition("-")
        prefix = {"S": "B", "M": "I", "E": "I"}.get(prefix, prefix)
        return prefix, kind

    out, start, prev_tag, prev_type = [], None, "O", ""
    for i, raw in enumerate(tags + ["O"]):
        tag, kind = split(raw)
        end = prev_tag != "O" and (tag in ("B", "O") or kind != prev_type)
        if start is not None and end:
            out.append((prev_type, start, i))
            start = None
        if tag != "O" and (tag == "B" or prev_tag == "O" or kind != prev_type):
            start = i
        prev_tag, prev_type = tag, kind
    return out


class Crf(nn.Module):
    def __init__(self, k):
        super().__init__()
        self.transitions = nn.Parameter(torch.empty(k, k).uniform_(-0.1, 0.1))
        self.start = nn.Parameter(torch.empty(k).uniform_(-0.1, 0.1))
        self.end = nn.Parameter(torch.empty(k).uniform_(-0.1, 0.1))

    def nll(self, em, tags, mask):
        b, t, k = em.shape
        gold = em.gather(2, tags.unsqueeze(2)).squeeze(2).mul(mask).sum(1)
        gold = gold + self.start[tags[:, 0]]
        gold = gold + (self.transitions[tags[:, :-1], tags[:, 1:]] * mask[:, 1:]).sum(1)
        lengths = mask.sum(1).long()
        gold = gold + self.end[tags.gather(1, (lengths - 1).unsqueeze(1)).squeeze(1)]
        alpha = self.start + em[:, 0]
        for i in range(1, t):
            step = torch.logsumexp(alpha.unsqueeze(2) + self.transitions, 1) + em[:, i]
            alpha = torch.where(mask[:, i:i + 1] > 0, step, alpha)
        return (torch.logsumexp(alpha + self.end, 1) - gold).mean()

    def decode(self, em, lengths):
        b, t, k = em.shape
        score = self.start + em[:, 0]
        pointers = []
        for i in range(1, t):
            all_scores = score.unsqueeze(2) + self.transitions
            best, idx = all_scores.max(1)
            active = (lengths > i).unsqueeze(1)
            score = torch.where(active, best + em[:, i], score)
            pointers.append(idx)
        last = (score + self.end).argmax(1).tolist()
        pointers = torch.stack(pointers, 1).tolist() if pointers else []
        paths = []
        for s in range(b):
            n = int(lengths[s])
            path = [last[s]]
            for i in range(n - 1, 0, -1):
                path.append(pointers[s][i - 1][path[-1]])
            paths.append(path[::-1])
        return paths


class Tagger(nn.Module):
    def __init__(self, vocab, tags, emb, hidden, dropout):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb, padding_idx=0)
        self.lstm = nn.LSTM(emb, hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(2 * hidden, tags)
        self.crf = Crf(tags)

    def emissions(self, ids, lengths):
        x = self.drop(self.emb(ids))
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        h, _ = pad_packed_sequence(self.lstm(packed)[0], batch_first=True, total_length=ids.shape[1])
        return self.out(self.drop(h))


def batches(sentences, size, rng):
    order = list(range(len(sentences)))
    rng.shuffle(order)
    out = []
    pool = size * 50
    for p in range(0, len(order), pool):
        chunk = sorted(order[p:p + pool], key=lambda i: len(sentences[i][0]))
        out.extend(chunk[i:i + size] for i in range(0, len(chunk), size))
    rng.shuffle(out)
    return out


def tensors(items, vocab, tag_ids):
    lengths = torch.tensor([len(c) for c, _ in items])
    t = int(lengths.max())
    ids = torch.zeros(len(items), t, dtype=torch.long)
    tags = torch.zeros(len(items), t, dtype=torch.long)
    for i, (chars, gold) in enumerate(items):
        ids[i, :len(chars)] = torch.tensor([vocab.get(c, 1) for c in chars])
        tags[i, :len(chars)] = torch.tensor([tag_ids[g] for g in gold])
    mask = (torch.arange(t).unsqueeze(0) < lengths.unsqueeze(1)).float()
    return ids, tags, mask, lengths


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("train")
    ap.add_argument("test")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--emb", type=int, default=50)
    ap.add_argument("--hidden", type=int, default=100)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--infer-repeat", type=int, default=5, help="tag the test set this many times for the inference timing")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = random.Random(a.seed)
    train, test = read_columns(a.train), read_columns(a.test)
    vocab = {"<pad>": 0, "<unk>": 1}
    for chars, _ in train:
        for c in chars:
            vocab.setdefault(c, len(vocab))
    tag_list = sorted({t for _, tags in train for t in tags})
    tag_ids = {t: i for i, t in enumerate(tag_list)}
    model = Tagger(len(vocab), len(tag_list), a.emb, a.hidden, a.dropout)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    train_seconds = 0.0
    for _ in range(a.epochs):
        model.train()
        t0 = time.perf_counter()
        for b in batches(train, a.batch, rng):
            ids, tags, mask, lengths = tensors([train[i] for i in b], vocab, tag_ids)
            loss = model.crf.nll(model.emissions(ids, lengths), tags, mask)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
        train_seconds += time.perf_counter() - t0
    model.eval()
    gold_n = pred_n = correct = 0
    infer_seconds = 0.0
    with torch.no_grad():
        order = sorted(range(len(test)), key=lambda i: len(test[i][0]))
        for repeat in range(a.infer_repeat):
            t0 = time.perf_counter()
            all_paths = []
            for p in range(0, len(order), 64):
                items = [test[i] for i in order[p:p + 64]]
                ids, _, _, lengths = tensors([(c, ["O"] * len(c)) for c, _ in items], vocab, {"O": 0})
                all_paths.append((items, model.crf.decode(model.emissions(ids, lengths), lengths)))
            infer_seconds += time.perf_counter() - t0
        for items, paths in all_paths:
            for (chars, gold), path in zip(items, paths):
                g = set(chunks(gold))
                pr = set(chunks([tag_list[i] for i in path]))
                gold_n += len(g)
                pred_n += len(pr)
                correct += len(g & pr)
    precision = correct / pred_n if pred_n else 0.0
    recall = correct / gold_n if gold_n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    json.dump({"threads": a.threads, "epochs": a.epochs,
               "train_sents_per_s": round(a.epochs * len(train) / train_seconds, 1),
               "infer_sents_per_s": round(a.infer_repeat * len(test) / infer_seconds, 1), "test_f1": round(f1, 4)}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
