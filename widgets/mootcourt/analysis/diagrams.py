"""Decision diagrams: the leaves of an exploration as a tree, reduced to what matters.

Every path lists its toggles in reading order, and two runs part at the first toggle they
disagree on, which both read at the same point; so the leaves fit one tree. The tree is then
reduced by what the caller says matters (`key`): a read whose two branches decide the same
thing is dropped, and equal sub-diagrams are shared. A read whose other branch holds no
valid world is dropped too (every valid world takes the branch that remains). The result
answers for every valid world exactly as the explored function does, up to `key`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

V = TypeVar("V")


@dataclass(frozen=True, slots=True, eq=False)
class Decided(Generic[V]):
    key: Hashable
    value: V
    """what the explored function returned on one of the paths that lead here"""


@dataclass(frozen=True, slots=True, eq=False)
class Ask(Generic[V]):
    toggle: str
    off: Diagram[V]
    on: Diagram[V]


Diagram = Ask[V] | Decided[V] | None
"""None: no valid world lies here"""


class _Open:
    """A node of the unreduced tree while it is being built."""

    __slots__ = ("off", "on", "toggle")

    def __init__(self, toggle: str) -> None:
        self.toggle = toggle
        self.off: object = None
        self.on: object = None


def build(
    leaves: Iterable[tuple[Mapping[str, bool], V]], key: Callable[[V], Hashable]
) -> Diagram[V]:
    """The reduced diagram of the leaves of one exploration."""
    root: object = None
    for path, value in leaves:
        leaf = _Leaf(value)
        order = list(path)
        if root is None:
            root = _chain(path, order, leaf)
            continue
        node = root
        for i, toggle in enumerate(order):
            if not isinstance(node, _Open) or node.toggle != toggle:
                raise AssertionError(f"runs disagree on the reading order at '{toggle}'")
            branch = "on" if path[toggle] else "off"
            child = getattr(node, branch)
            if child is None:
                setattr(node, branch, _chain(path, order[i + 1 :], leaf))
                break
            node = child
        else:
            raise AssertionError(f"two runs share the path {dict(path)}")
    return _reduce(root, key, {}, {})


class _Leaf:
    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value


def _chain(path: Mapping[str, bool], order: list[str], leaf: _Leaf) -> object:
    node: object = leaf
    for toggle in reversed(order):
        parent = _Open(toggle)
        setattr(parent, "on" if path[toggle] else "off", node)
        node = parent
    return node


def _reduce(
    node: object,
    key: Callable,
    leaves: dict[Hashable, Decided],
    asks: dict[tuple[str, int, int], Ask],
) -> Diagram:
    if node is None:
        return None
    if isinstance(node, _Leaf):
        k = key(node.value)
        found = leaves.get(k)
        if found is None:
            found = leaves[k] = Decided(k, node.value)
        return found
    assert isinstance(node, _Open)
    off = _reduce(node.off, key, leaves, asks)
    on = _reduce(node.on, key, leaves, asks)
    if off is None or on is None or off is on:
        return on if off is None else off
    signature = (node.toggle, id(off), id(on))
    shared = asks.get(signature)
    if shared is None:
        shared = asks[signature] = Ask(node.toggle, off, on)
    return shared


def walk(diagram: Diagram[V], read: Callable[[str], bool]) -> Decided[V] | None:
    """Follow the diagram, asking `read` for each toggle on the way."""
    node = diagram
    while isinstance(node, Ask):
        node = node.on if read(node.toggle) else node.off
    return node


def size(diagram: Diagram) -> int:
    """The number of distinct nodes (for benchmarks and tests)."""
    seen: set[int] = set()
    todo = [diagram]
    while todo:
        node = todo.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, Ask):
            todo += [node.off, node.on]
    return len(seen)
