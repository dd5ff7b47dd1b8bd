"""How far the cleaner's figures depend on the set its parameters were chosen on.

Leave-one-set-out over the two development corpora (see :mod:`clean_dumps`): every
numeric parameter of the line model is re-derived on one set alone (a grid of a few
values around the shipped one, best micro F1 on that set), then the other set is scored
with the values so chosen. Two passes:

* one at a time: each parameter alone, the rest as shipped (does the shipped value hold
  when chosen without the other set?);
* jointly: coordinate ascent over all of them from the shipped values, on one set only,
  then the other set scored (the gap a site-specific tuning would open).

Prints, per direction, the chosen values, the F1 on the set that chose them and on the
held-out set, and the held-out set's own best: the spread is the honest guess of what
unseen pages lose to tuning. Nothing here changes the cleaner; it patches module
constants in this process only.

Run: ``.venv/bin/python bench/clean_loso.py [--corpus PATH] [--rounds N]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

import clean_dumps as cd  # noqa: E402

from news_digest.ingest import clean_features, clean_select  # noqa: E402
from news_digest.ingest.clean import clean  # noqa: E402

GRID: dict[str, tuple[float, ...]] = {
    # name: values tried (the shipped one among them)
    "CONFIDENT": (10.0, 15.0, 20.0, 30.0, 40.0),
    "STOP_CENTRE": (0.25, 0.28, 0.31, 0.34, 0.37),
    "STOP_SCALE": (0.05, 0.10, 0.15, 0.20),
    "W_STOP": (0.25, 0.375, 0.5, 0.625, 0.75),
    "W_END": (0.0, 0.125, 0.25, 0.375, 0.5),
    "W_CAPS": (0.0, 0.125, 0.25, 0.375, 0.5),
    "LINK_SHARE": (0.2, 0.3, 0.5),
    "CONTEXT_FADE": (0.6, 0.7, 0.8, 0.9),
    "RUN_COST": (1.0, 2.0, 3.0, 4.0, 5.0),
    "BRIDGE_GAIN": (20.0, 40.0, 60.0, 80.0, 1e9),
    "CHROME_STOP": (1, 2, 3),
    "CHROME_WALL": (2, 3, 4, 99),
    "COMMENT_GAP": (5, 10, 20, 40),
    "COMMENT_MARKS": (2, 3, 4, 10**6),
    "CONTENTS_WORDS": (0, 4, 8, 12),
}
"""Every numeric weight and threshold of the scored model (``clean_features``,
``clean_select``); BRIDGE_GAIN 1e9 means "no bridging", CHROME_WALL 99 "no wall",
COMMENT_MARKS 10**6 "no comment section", CONTENTS_WORDS 0 "no contents list"."""
_MODULES = (clean_features, clean_select)


def shipped() -> dict[str, float]:
    """The values the cleaner ships with."""
    return {name: next(getattr(m, name) for m in _MODULES if hasattr(m, name)) for name in GRID}


@contextmanager
def patched(values: dict[str, float]) -> Iterator[None]:
    """Set the model's constants to ``values`` for the duration (every module holding one)."""
    old = {(m, name): getattr(m, name) for m in _MODULES for name in values if hasattr(m, name)}
    try:
        for (module, name) in old:
            setattr(module, name, values[name])
        yield
    finally:
        for (module, name), value in old.items():
            setattr(module, name, value)


def load(folder: Path) -> list[tuple[object, str]]:
    """(raw dump, repaired gold) pairs of one set."""
    pairs = []
    for dump in sorted((folder / "dump").glob("*.txt")):
        gold = folder / "gold" / dump.name
        if gold.exists():
            pairs.append((cd.read(dump), cd.repair_mojibake(cd.read(gold).text)))
    return pairs


def micro_f1(pairs: list[tuple[object, str]], values: dict[str, float]) -> float:
    with patched(values):
        scores = [cd.score(cd.body_text(clean(raw)), gold) for raw, gold in pairs]
    return cd.averages(scores)[0][2]


def one_at_a_time(train: list, test: list, base: dict[str, float]) -> list[tuple]:
    rows = []
    for name, grid in GRID.items():
        on_train = {v: micro_f1(train, {**base, name: v}) for v in grid}
        chosen = max(grid, key=lambda v: (round(on_train[v], 4), v == base[name]))
        on_test = {v: micro_f1(test, {**base, name: v}) for v in grid}
        rows.append((name, base[name], chosen, on_train[chosen], on_test[chosen],
                     max(on_test.values()), min(on_test.values())))
    return rows


def coordinate_ascent(train: list, base: dict[str, float], rounds: int) -> dict[str, float]:
    """Each parameter in turn set to its best grid value on ``train``; repeat."""
    values, best = dict(base), micro_f1(train, base)
    for _ in range(rounds):
        moved = False
        for name, grid in GRID.items():
            for v in grid:
                if v == values[name]:
                    continue
                f = micro_f1(train, {**values, name: v})
                if f > best + 1e-4:
                    values, best, moved = {**values, name: v}, f, True
        if not moved:
            break
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=cd.DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=2, help="coordinate-ascent rounds")
    args = parser.parse_args(argv)
    sets = {name: args.corpus / name for name in cd.SETS}
    missing = [name for name, folder in sets.items() if not (folder / "dump").is_dir()]
    if missing:
        print(f"skipped: corpus {', '.join(missing)} not found under {args.corpus}")
        return 0
    data = {name: load(folder) for name, folder in sets.items()}
    base = shipped()
    print("shipped:", {k: base[k] for k in GRID})
    for name in cd.SETS:
        print(f"{name}: shipped values give micro F1 {micro_f1(data[name], base):.4f}")
    for train_name, test_name in (cd.SETS, cd.SETS[::-1]):
        train, test = data[train_name], data[test_name]
        print(f"\nchosen on {train_name} alone, scored on {test_name}")
        print(f"{'parameter':13} {'shipped':>8} {'chosen':>8} {'F1 train':>9} {'F1 test':>8}"
              f" {'test best':>9} {'test worst':>10}")
        for row in one_at_a_time(train, test, base):
            name, ship, chosen, f_train, f_test, t_best, t_worst = row
            print(f"{name:13} {ship:8g} {chosen:8g} {f_train:9.4f} {f_test:8.4f}"
                  f" {t_best:9.4f} {t_worst:10.4f}")
        joint = coordinate_ascent(train, base, args.rounds)
        changed = {k: v for k, v in joint.items() if v != base[k]}
        print(f"joint ascent on {train_name}: changed {changed or 'nothing'}")
        print(f"  {train_name} {micro_f1(train, joint):.4f}"
              f"   {test_name} {micro_f1(test, joint):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
