#!/usr/bin/env python3
"""Matching quality for 查一查 (issue 4, item 8), next to a plain BM25 over character bigrams in the same run.

Usage: evaluate.py ENTRIES.jsonl QUERIES.jsonl UNRELATED.jsonl RESULTS.jsonl
RESULTS.jsonl is what `debunks match --in ... --out ... --top 10` wrote for QUERIES + UNRELATED.
"""
import json, math, sys
from collections import Counter, defaultdict

def load(path):
    return [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]

entries, queries, unrelated, results = (load(p) for p in sys.argv[1:5])
by_qid = {r["qid"]: r for r in results}

def ap_at_5(ranked, relevant):
    hits, total = 0, 0.0
    for k, doc in enumerate(ranked[:5], 1):
        if doc in relevant:
            hits += 1
            total += hits / k
    return total / min(len(relevant), 5) if relevant else 0.0

def metrics(rank_of):
    maps, r1, r5 = [], [], []
    for q in queries:
        ranked, relevant = rank_of(q), set(q["relevant"])
        maps.append(ap_at_5(ranked, relevant))
        r1.append(1.0 if ranked[:1] and ranked[0] in relevant else 0.0)
        r5.append(len(relevant & set(ranked[:5])) / len(relevant))
    n = len(queries)
    return sum(maps) / n, sum(r1) / n, sum(r5) / n

# Kepu's matcher, as the command line answered.
ours = metrics(lambda q: [c["id"] for c in by_qid[q["qid"]]["candidates"]])
wrong_answers = sum(1 for u in unrelated if by_qid[u["qid"]]["decision"] == "answer")
answered = [q for q in queries if by_qid[q["qid"]]["decision"] == "answer"]
answered_wrong = sum(1 for q in answered if by_qid[q["qid"]]["candidates"][0]["id"] not in q["relevant"])
decisions = Counter(by_qid[q["qid"]]["decision"] for q in queries)

# Plain BM25 (k1 = 1.2, b = 0.75) over the character bigrams of each entry's claim and phrasings, raw text.
def bigrams(text):
    return [text[i:i + 2] for i in range(len(text) - 1) if not any(c.isspace() for c in text[i:i + 2])]

docs = {e["id"]: bigrams(" ".join([e["claim"], *e.get("phrasings", [])])) for e in entries}
df = Counter(t for terms in docs.values() for t in set(terms))
avg = sum(len(t) for t in docs.values()) / len(docs)
postings = defaultdict(list)
for doc, terms in docs.items():
    for term, tf in Counter(terms).items():
        postings[term].append((doc, tf))
N = len(docs)

def bm25(q):
    scores = defaultdict(float)
    for term in set(bigrams(q["text"])):
        idf = math.log(1 + (N - df[term] + 0.5) / (df[term] + 0.5)) if term in df else 0
        for doc, tf in postings.get(term, []):
            scores[doc] += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len(docs[doc]) / avg))
    return [d for d, _ in sorted(scores.items(), key=lambda x: -x[1])[:10]]

base = metrics(bm25)

print(f"entries {len(entries)}, queries {len(queries)}, unrelated texts {len(unrelated)}")
print(f"{'':22}{'MAP@5':>8}{'Recall@1':>10}{'Recall@5':>10}")
print(f"{'Kepu matcher':22}{ours[0]:8.3f}{ours[1]:10.3f}{ours[2]:10.3f}")
print(f"{'BM25, char bigrams':22}{base[0]:8.3f}{base[1]:10.3f}{base[2]:10.3f}")
print(f"decisions on related queries: {dict(decisions)}; wrong top entry among 'answer': {answered_wrong}/{len(answered)}")
print(f"wrong 'answer' on unrelated texts: {wrong_answers}/{len(unrelated)} = {100 * wrong_answers / len(unrelated):.2f}%")
