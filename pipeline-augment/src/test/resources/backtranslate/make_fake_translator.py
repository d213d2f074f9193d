"""Writes fake-translator/translator.pt, the TorchScript stand-in translation model that
TorchScriptTranslatorTest loads: it reverses each line's word order and appends the target
language, so "a b c" through the pivot de comes back as "de a b c en".
Run with PyTorch installed:  python3 make_fake_translator.py"""
import os
from typing import List

import torch


class FakeTranslator(torch.nn.Module):
    def forward(self, lines: List[str], src: str, tgt: str) -> List[str]:
        out: List[str] = []
        for line in lines:
            words = line.split(" ")
            words.reverse()
            out.append(" ".join(words) + " " + tgt)
        return out


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, "fake-translator"), exist_ok=True)
    torch.jit.script(FakeTranslator()).save(os.path.join(here, "fake-translator", "translator.pt"))
