"""Round 4 (issue #12): the safety net's variants, and the ratio's leave-one-set-out.

Each variant replaces ``clean.safety_net`` in this process; micro F1 on both sets and
the pages that moved against the net switched off. ``--loso`` adds the ratio grid and,
per direction, the ratio chosen on one set scored on the other (``clean_loso`` pattern).
Run: ``PYTHONPATH=plugins .venv/bin/python bench/clean_net.py [--loso]``.
"""
import sys
from pathlib import Path
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins")); sys.path.insert(0, str(ROOT / "bench"))
import clean_dumps as cd, clean_loso as cl
from news_digest.ingest import clean_select as cs, clean as c
CFG = {}
def net(lines):
    k = CFG.get('k', 10.0); unit = CFG.get('unit', 'n')
    best, span = 0.0, (0, -1); total, start = 0.0, 0
    for i, line in enumerate(lines):
        if line.role == "title": continue
        if CFG.get('breaks') and cs._chrome(line): total = 0.0; continue
        if total <= 0: total, start = 0.0, i
        total += (line.n if unit == 'n' else line.words) - k
        if total > best: best, span = total, (start, i)
    run = [l for l in lines[span[0]:span[1]+1] if l.role is None and (l.reason is None or l.reason in cs.NET_REASONS)]
    rw = sum(l.n for l in run); kw = sum(l.n for l in lines if l.keep and cs.free(l))
    if not run or kw >= CFG.get('ratio', 0.5) * rw: return 0
    if CFG.get('prose') == 'mean' and sum(l.n*l.q for l in run) <= 0: return 0
    if CFG.get('prose') == 'share' and sum(l.n for l in run if l.q > 0) < 0.5 * rw: return 0
    if CFG.get('overlap') and not any(l.keep for l in lines[span[0]:span[1]+1]): return 0
    added = [l for l in run if not l.keep]
    for l in added: l.keep, l.reason = True, None
    return len(added)
c.safety_net = net
data = {s: cl.load(cd.DEFAULT_CORPUS / s) for s in cd.SETS}
names = {s: sorted(p.name for p in (cd.DEFAULT_CORPUS/s/'dump').glob('*.txt') if (cd.DEFAULT_CORPUS/s/'gold'/p.name).exists()) for s in cd.SETS}
def per_page(s):
    return [cd.score(cd.body_text(c.clean(raw)), gold) for raw, gold in data[s]]
CFG.update(ratio=-1)  # off
base = {s: per_page(s) for s in cd.SETS}
def report(label, cfg):
    CFG.clear(); CFG.update(cfg)
    line = f"{label:48}"
    moved = []
    for s in cd.SETS:
        sc = per_page(s)
        line += f" {s} {cd.averages(sc)[0][2]:.4f}"
        for nm, a, b in zip(names[s], base[s], sc):
            fa, fb = cd.prf(*a)[2], cd.prf(*b)[2]
            if abs(fa-fb) > 0.0005: moved.append(f"{nm[:-4]} {fa:.2f}->{fb:.2f}")
    print(line, "|", ", ".join(moved) or "no page moves")
report("off (main)", dict(ratio=-1))
V = {
 "V0 n, mean-q prose": dict(prose='mean'),
 "VA n, chrome breaks run, mean-q prose": dict(prose='mean', breaks=True),
 "VB n, prose share>=0.5": dict(prose='share'),
 "VAB n, chrome breaks, prose share": dict(prose='share', breaks=True),
 "VW words (bench baseline), mean-q prose": dict(prose='mean', unit='words'),
 "VWB words, prose share": dict(prose='share', unit='words'),
 "VWAB words, chrome breaks, prose share": dict(prose='share', unit='words', breaks=True),
 "VO n, mean-q prose, run overlaps kept": dict(prose='mean', overlap=True),
}
for label, cfg in V.items():
    report(label, {**cfg, 'ratio': 0.5})
if '--loso' in sys.argv:
    grid = (0.25, 0.33, 0.5, 0.67, 0.75, 1.0)
    for label in ("VA n, chrome breaks run, mean-q prose", "VB n, prose share>=0.5", "V0 n, mean-q prose"):
        f = {}
        for r in grid:
            CFG.clear(); CFG.update({**V[label], 'ratio': r})
            f[r] = {s: cd.averages(per_page(s))[0][2] for s in cd.SETS}
        print(label, " ".join(f"{r}: {f[r]['dumps-dev']:.4f}/{f[r]['dumps-dev2']:.4f}" for r in grid))
        for tr, te in (cd.SETS, cd.SETS[::-1]):
            ch = max(grid, key=lambda r: (round(f[r][tr], 4), r == 0.5))
            print(f"   chosen on {tr}: ratio {ch} -> {tr} {f[ch][tr]:.4f}, {te} {f[ch][te]:.4f} (main {cd.averages(base[te])[0][2]:.4f})")
