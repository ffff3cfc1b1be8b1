"""What a process builds once and keeps: questionnaires and registries, by what they are built
from (a hash of a file's bytes, of a stored version's content).

A :class:`Kept` holds at most ``size`` things, the least recently used dropped first, and is
safe to share between threads; two threads missing the same key at once may both build it (the
one stored last is kept). What is kept is shared by every caller, so it must not be changed
after it is built: the questionnaire model and the registry are not.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class Kept(Generic[T]):
    """A bounded map from a key to the thing built for it."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._things: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """The thing kept for ``key``, built by ``build`` (outside the lock) when missing.

        An exception from ``build`` is raised to the caller and nothing is kept.
        """
        with self._lock:
            if key in self._things:
                self._things.move_to_end(key)
                return self._things[key]
        thing = build()
        with self._lock:
            self._things[key] = thing
            while len(self._things) > self.size:
                self._things.popitem(last=False)
        return thing
