"""The other files verdicts read, stored once for all the verdicts that read them.

A class chain followed into project modules outside the checked files (``outmoded.chains``) makes
many verdicts read the same modules: on Twisted 18.9, ~200 of 863 verdicts read ~290 files each,
40,000 (path, stamp) pairs over 969 files.  Copied into each verdict's row they made the results
cache 3.7 times larger, and a warm run decoded and compared every pair once per verdict.

Here the reads of the verdicts a run writes are split into *blocks*: the pairs read by exactly the
same verdicts of the run make one block, stored once in the results' namespace under
``@`` and the digest of its pairs; a pair only one verdict read stays in that verdict's row.  A
row lists its own pairs and its blocks' ids (``split``); a run checks each block once, each path's
stamp taken once (``cache.Blocks``: a warm run does not import this module), then each row's ids.

- A block is named by its contents: runs writing the same pairs write the same row, and an id
  never stands for other pairs.  A row naming a block that is not there (deleted meanwhile, a
  damaged database) is a miss.
- A verdict written again lists the blocks loaded for this run that lie within its reads: one
  whose reads did not change lists the blocks it listed, and an edit to a module many verdicts
  read makes a block of that module's new stamp alone.
- A write deletes the blocks that the rows it replaces listed and that no row lists any more
  (``mentions``: read and deleted inside the write, so a concurrent run's rows count), and puts
  back (without replacing) every block its rows list: a concurrent run may have deleted one it
  reuses.
"""

from __future__ import annotations

from outmoded.cache import BLOCK_PREFIX


def key(block: str) -> str:
    return BLOCK_PREFIX + block


def refs(value) -> list:
    """The block ids a stored row lists, or [] for a row that does not fit."""
    try:
        listed = value[3]
    except (TypeError, IndexError, KeyError):
        return []
    return listed if isinstance(listed, list) else []


def split(reads: list, loaded: dict, digest) -> tuple[list, dict]:
    """Each verdict's (own pairs, block ids) and the blocks to write (id -> sorted pairs), for
    ``reads``: one tuple of (path, stamp) pairs per verdict.  ``loaded``: block id -> frozenset of
    pairs, reused where it lies within a verdict's reads; ``digest``: pairs -> a block id."""
    index: dict | None = None
    listed: list[list] = [[] for _ in reads]
    members: dict[tuple, list] = {}  # a pair -> the verdicts left to cover it
    for n, pairs in enumerate(reads):
        if not pairs:
            continue
        left = pairs
        if loaded:
            if index is None:
                index = _index(loaded)
            left, listed[n] = _reuse(pairs, loaded, index)
        for pair in left:
            members.setdefault(pair, []).append(n)
    groups: dict[tuple, list] = {}
    for pair, verdicts in members.items():
        groups.setdefault(tuple(verdicts), []).append(pair)
    own: list[list] = [[] for _ in reads]
    blocks: dict[str, list] = {}
    for verdicts, pairs in groups.items():
        pairs.sort()
        if len(verdicts) == 1:
            own[verdicts[0]] = pairs
            continue
        block = digest(pairs)
        blocks[block] = pairs
        for n in verdicts:
            listed[n].append(block)
    return [(own[n], sorted(listed[n])) for n in range(len(reads))], blocks


def _index(loaded: dict) -> dict:
    """A pair -> the loaded blocks holding it, largest first."""
    index: dict = {}
    for block in sorted(loaded, key=lambda b: (-len(loaded[b]), b)):
        for pair in loaded[block]:
            index.setdefault(pair, []).append(block)
    return index


def _reuse(pairs: tuple, loaded: dict, index: dict) -> tuple[list, list]:
    """(the pairs no loaded block within ``pairs`` holds, those blocks)."""
    wanted = set(pairs)
    covered: set = set()
    used = []
    for pair in pairs:
        if pair in covered:
            continue
        for block in index.get(pair, ()):
            held = loaded[block]
            if held <= wanted:
                used.append(block)
                covered |= held
                break
    return ([pair for pair in pairs if pair not in covered] if covered else list(pairs)), used


def mentions(value) -> dict:
    """Block key -> the text listing it in a stored row (``Store.put_many``'s ``refs``)."""
    return {key(block): f'"{block}"' for block in refs(value) if type(block) is str}
