"""The demo round: the Khartoum Process from the seed documents and illustrative answers for
the rest of the 2019 participation, entered through the ordinary operations.

The parts, each importing only those before it: :mod:`.answers` the answers as pure data (no
database; ``khartoum.yaml`` and a seeded generator); :mod:`.loader` enters them in a fresh
database and opens accounts and links to try; :mod:`.command` is ``surveyapp demo``, which
builds the database and serves it. Tests and benchmarks build the demo round with
:func:`build_demo` and take its answers from here too.
"""

from surveyapp.demo.answers import (
    ILLUSTRATIVE,
    DemoResponse,
    illustrative_responses,
    khartoum_responses,
)
from surveyapp.demo.loader import DemoSummary, build_demo

__all__ = [
    "ILLUSTRATIVE",
    "DemoResponse",
    "DemoSummary",
    "build_demo",
    "illustrative_responses",
    "khartoum_responses",
]
