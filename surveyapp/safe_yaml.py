"""The one way the platform reads YAML: no aliases, bounded nesting, never a traceback.

Questionnaires, the registry (shipped files and administrators' imports) and the demo answers
are all read here. Two kinds of document are refused while the text is parsed, before any
node is built:

- aliases (``*name``): a few hundred bytes of nested aliases ("billion laughs") expand into
  billions of nodes; none of our files needs them;
- nesting deeper than :data:`MAX_DEPTH` collections: composing is recursive, so thousands of
  nested ``[`` or mappings would otherwise end in a ``RecursionError``.

Both raise a :class:`yaml.MarkedYAMLError` that names the line, like any other syntax error,
so every reader's existing error handling turns it into a clear message.
"""

from __future__ import annotations

from typing import IO, Any

import yaml
from yaml.composer import Composer, ComposerError
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

#: the deepest nesting of mappings and lists accepted; our deepest files nest about ten
MAX_DEPTH = 64

_COLLECTION_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)


class GuardedComposer(Composer):
    """A composer that refuses aliases and deep nesting before building anything from them.

    Mix it in before a loader's own composer (``class L(GuardedComposer, yaml.SafeLoader)``).
    """

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Compose one node; aliases and collections beyond :data:`MAX_DEPTH` are refused."""
        if self.check_event(yaml.AliasEvent):
            raise ComposerError(
                None, None, "aliases (*name) are not allowed", self.peek_event().start_mark
            )
        if not self.check_event(*_COLLECTION_STARTS):
            return super().compose_node(parent, index)
        if self._depth >= MAX_DEPTH:
            raise ComposerError(
                None,
                None,
                f"lists and mappings nested more than {MAX_DEPTH} levels deep are not allowed",
                self.peek_event().start_mark,
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


if yaml.__with_libyaml__:
    from yaml.cyaml import CParser

    class SafeYamlLoader(GuardedComposer, CParser, SafeConstructor, Resolver):
        """PyYAML's safe loader with libyaml's fast parser under the guarded composer."""

        def __init__(self, stream: str | bytes | IO) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml

    class SafeYamlLoader(GuardedComposer, yaml.SafeLoader):
        """PyYAML's safe loader under the guarded composer."""


def load_yaml(stream: str | bytes | IO) -> Any:
    """The one YAML document in ``stream``, as plain data (safe types only).

    :raises yaml.YAMLError: for invalid YAML, and (naming the line) for aliases or nesting
        deeper than :data:`MAX_DEPTH`.
    """
    loader = SafeYamlLoader(stream)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
