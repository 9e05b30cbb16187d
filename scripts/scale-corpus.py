#!/usr/bin/env python3
# Builds the scale-benchmark input: a JSONL of real articles from ../shared (PTC train/dev/test,
# SemEval-2023 task 3 train/dev articles in en/fr/ge/it/po/ru) plus generated, lightly edited
# copies, with outlets and dates assigned at random (seeded), up to N documents in all.
#
#   python3 scripts/scale-corpus.py ../shared/data 10000 > /tmp/scale10k.jsonl
#
# The output holds third-party text: write it outside the repository. Copies are named
# copy<k>-<original id>, so the scale tests can tell which original each copy belongs to.
# Edits per copy (1-2 of them): substitute or delete 1-6 % of words, drop a sentence, swap two
# paragraphs, add an intro or a footer written here; a copy goes to another outlet 0-5 days later.
import datetime
import hashlib
import json
import os
import random
import re
import sys

MIN_WORDS = 80
OUTLETS = 60
DAYS = 300
START = datetime.date(2020, 1, 1)
INTROS = [
    "This article was first published elsewhere and is reproduced with permission.",
    "Editor's note: republished from our partner site.",
    "The following report is shared from a partner publication.",
]
FOOTERS = [
    "Support independent journalism: share this article with your friends.",
    "The views expressed are the author's own and do not necessarily reflect ours.",
    "Follow us for more analysis of the week's events.",
]
FILLERS = ["very", "now", "also", "still", "even", "indeed", "really", "just"]


def articles(data):
    ptc = os.path.join(data, "semeval2020-task11-ptc")
    for split in ("train-articles", "dev-articles", "test-articles"):
        folder = os.path.join(ptc, split)
        for name in sorted(os.listdir(folder)):
            yield "en-" + name[: -len(".txt")], "en", os.path.join(folder, name)
    sem = os.path.join(data, "semeval2023-task3")
    for lang in ("en", "fr", "ge", "it", "po", "ru"):
        for split in ("train", "dev"):
            folder = os.path.join(sem, lang, split + "-articles-subtask-1")
            if not os.path.isdir(folder):
                continue
            for name in sorted(os.listdir(folder)):
                yield lang + "-" + name[: -len(".txt")], lang, os.path.join(folder, name)


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read().replace("\ufeff", "").replace("\r\n", "\n").strip()


def edit(text, rnd):
    paragraphs = [p for p in text.split("\n") if p.strip()]
    for kind in rnd.sample(["substitute", "delete", "drop", "swap", "intro", "footer"], rnd.randint(1, 2)):
        if kind in ("substitute", "delete"):
            rate = rnd.uniform(0.01, 0.06)
            out = []
            for p in paragraphs:
                words = p.split(" ")
                kept = []
                for w in words:
                    if rnd.random() < rate:
                        if kind == "substitute":
                            kept.append(rnd.choice(FILLERS))
                    else:
                        kept.append(w)
                out.append(" ".join(kept))
            paragraphs = out
        elif kind == "drop" and len(paragraphs) > 2:
            i = rnd.randrange(1, len(paragraphs))
            sentences = re.split(r"(?<=[.!?])\s+", paragraphs[i])
            if len(sentences) > 1:
                del sentences[rnd.randrange(len(sentences))]
                paragraphs[i] = " ".join(sentences)
            else:
                del paragraphs[i]
        elif kind == "swap" and len(paragraphs) > 3:
            i = rnd.randrange(1, len(paragraphs) - 1)
            paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
        elif kind == "intro":
            paragraphs.insert(1, rnd.choice(INTROS))
        elif kind == "footer":
            paragraphs.append(rnd.choice(FOOTERS))
    return "\n\n".join(paragraphs)


def main():
    data, total = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(20261121)
    originals, seen = [], set()
    for doc_id, lang, path in articles(data):
        text = read(path)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if len(text.split()) < MIN_WORDS or digest in seen or any(o["id"] == doc_id for o in originals[-1:]):
            continue
        seen.add(digest)
        outlet = rnd.randrange(OUTLETS)
        day = START + datetime.timedelta(days=rnd.randrange(DAYS))
        originals.append(
            {
                "id": doc_id,
                "url": "https://outlet%d.example/%s" % (outlet, doc_id),
                "outlet": "outlet%d" % outlet,
                "published": day.isoformat(),
                "text": "\n\n".join(p for p in text.split("\n") if p.strip()),
            }
        )
    ids = set()
    for record in originals[:total]:
        if record["id"] in ids:
            continue
        ids.add(record["id"])
        print(json.dumps(record, ensure_ascii=False))
    for k in range(max(0, total - len(ids))):
        original = rnd.choice(originals)
        outlet = rnd.randrange(OUTLETS)
        day = datetime.date.fromisoformat(original["published"]) + datetime.timedelta(days=rnd.randrange(6))
        copy_id = "copy%d-%s" % (k, original["id"])
        print(
            json.dumps(
                {
                    "id": copy_id,
                    "url": "https://outlet%d.example/%s" % (outlet, copy_id),
                    "outlet": "outlet%d" % outlet,
                    "published": day.isoformat(),
                    "text": edit(original["text"], rnd),
                },
                ensure_ascii=False,
            )
        )


if __name__ == "__main__":
    main()
