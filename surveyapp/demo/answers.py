"""Demo answers: the Khartoum Process round from the seeds, and illustrative answers for the rest.

Pure data and pure functions, no database: :mod:`surveyapp.demo.loader` enters these answers
through the ordinary operations. Together they make the participation of the 2019 round:
46 States, 22 ISCMs and 3 IGOs.

The Khartoum Process answers (``khartoum.yaml``) reproduce every fact of the seed summary. The
illustrative answers are generated; every free-text answer of theirs starts with
``[Illustrative]`` and their responses are flagged ``illustrative``. What is known of an ISCM
is not made up: its founding year and the meeting that launched it are the registry's (from
public sources). Illustrative States never answer about the Khartoum Process, so that its
summary says what the seed says: three Member States (Egypt, Ethiopia, the Netherlands)
referred to it. Illustrative meetings fall before the round's invitations (:data:`INVITED_AT`).
"""

from __future__ import annotations

import datetime as dt
import pathlib
import random
from dataclasses import dataclass
from typing import Any

from surveyapp.questionnaire.model import RESPONDENT_TYPES
from surveyapp.registry import Registry
from surveyapp.safe_yaml import load_yaml

#: the prefix of every free-text answer of an illustrative response
ILLUSTRATIVE = "[Illustrative]"
#: the round the demo reproduces: how many organisations of each type answered in all
ROUND_STATES, ROUND_ISCMS, ROUND_IGOS = 46, 22, 3
#: the year of that round; everything the demo stores is dated in it
ROUND_YEAR = 2019
#: the demo's calendar of the round: invitations on 4 March, answers from April to July, before
#: the global gathering of ISCMs later in the year
INVITED_AT = dt.datetime(ROUND_YEAR, 3, 4, 9, 0, tzinfo=dt.UTC)
FIRST_SUBMISSION = dt.datetime(ROUND_YEAR, 4, 1, 10, 0, tzinfo=dt.UTC)
LAST_SUBMISSION = dt.datetime(ROUND_YEAR, 7, 31, 16, 0, tzinfo=dt.UTC)
#: the first and last day an illustrative meeting may fall on: before the invitations
FIRST_MEETING_DAY = dt.date(ROUND_YEAR - 2, 1, 1)
LAST_MEETING_DAY = INVITED_AT.date() - dt.timedelta(days=1)
KHARTOUM = "khartoum-process"

_KHARTOUM_FILE = pathlib.Path(__file__).with_name("khartoum.yaml")


@dataclass
class DemoResponse:
    """One organisation's answers to its questionnaire, ready to save and submit.

    :param organisation: the registry code of the State, ISCM or IGO answering.
    :param respondent_type: ``state``, ``iscm`` or ``igo``: which questionnaire is answered.
    :param answers: the answers as JSON, keyed by question key.
    :param illustrative: True for generated answers, False for answers taken from the seeds.
    """

    organisation: str
    respondent_type: str
    answers: dict[str, Any]
    illustrative: bool


def khartoum_responses() -> list[DemoResponse]:
    """The Khartoum Process round from the seeds: the ISCM, three States and three IGOs."""
    with _KHARTOUM_FILE.open(encoding="utf-8") as stream:
        data = load_yaml(stream)
    responses = []
    for index, item in enumerate(data["responses"], start=1):
        if item.get("respondent_type") not in RESPONDENT_TYPES or not item.get("organisation"):
            raise ValueError(f"{_KHARTOUM_FILE}: response {index} lacks an organisation or type")
        responses.append(
            DemoResponse(
                organisation=item["organisation"],
                respondent_type=item["respondent_type"],
                answers=item["answers"],
                illustrative=bool(item.get("illustrative", False)),
            )
        )
    return responses


def illustrative_responses(registry: Registry, seed: int = 2019) -> list[DemoResponse]:
    """Generated answers of 43 States and 21 ISCMs besides those of the Khartoum round.

    Each ISCM response answers every required question and lists some meetings; each State
    answers about one to four ISCMs it belongs to according to the registry's memberships.
    The same ``seed`` gives the same answers.
    """
    rng = random.Random(seed)  # noqa: S311 - demo answers, not secrets
    khartoum = khartoum_responses()
    answered = {response.organisation for response in khartoum}
    khartoum_states = sum(1 for r in khartoum if r.respondent_type == "state")
    khartoum_iscms = sum(1 for r in khartoum if r.respondent_type == "iscm")

    other_iscms = [e.code for e in registry.iscms if e.code not in answered]
    chosen_iscms = set(rng.sample(other_iscms, ROUND_ISCMS - khartoum_iscms))

    candidates = [
        state.code
        for state in registry.states
        if state.code not in answered and _iscms_of_state(registry, state.code)
    ]
    state_count = ROUND_STATES - khartoum_states
    if len(candidates) < state_count:
        raise ValueError(
            f"the registry's memberships name only {len(candidates)} States outside the "
            f"Khartoum round; the demo needs {state_count}"
        )
    state_codes = set(rng.sample(candidates, state_count))

    generator = _Generator(registry, rng, seed)
    responses = [
        DemoResponse(code, "iscm", generator.iscm_answers(code), illustrative=True)
        for code in other_iscms
        if code in chosen_iscms
    ]
    responses += [
        DemoResponse(code, "state", generator.state_answers(code), illustrative=True)
        for code in candidates
        if code in state_codes
    ]
    return responses


def _iscms_of_state(registry: Registry, state: str) -> list[str]:
    """The ISCMs an illustrative State may answer about: all it belongs to but Khartoum."""
    return [code for code in registry.iscms_of(state) if code != KHARTOUM]


def _text(sentence: str) -> str:
    return f"{ILLUSTRATIVE} {sentence}"


class _Generator:
    """Plausible, clearly labelled answers drawn from one random number generator."""

    _THEMATIC_AREAS = "thematic_areas"
    _MEMBERSHIP_VALUE = "membership_value"
    _IGO_ROLES = "igo_roles"

    def __init__(self, registry: Registry, rng: random.Random, seed: int = 2019) -> None:
        self.registry = registry
        self.rng = rng
        self.seed = seed
        # What each ISCM's answering States have said so far, so that no two say the same
        self.decks: dict[tuple[str, str], list[str]] = {}
        self.thematic_areas = registry.vocabulary(self._THEMATIC_AREAS)
        self.membership_values = [c["code"] for c in registry.vocabulary(self._MEMBERSHIP_VALUE)]
        self.igo_roles = [c["code"] for c in registry.vocabulary(self._IGO_ROLES)]
        # select_multiple answers keep the order of the choices, as the engine stores them
        self.order = {
            kind: {c["code"]: i for i, c in enumerate(registry.choices(f"registry:{kind}") or [])}
            for kind in ("iscm", "igo", "state")
        }

    def _ordered(self, codes: list[str], kind: str) -> list[str]:
        """Registry codes in the order of their choice list."""
        return sorted(codes, key=self.order[kind].__getitem__)

    def _pick(self, options: list[str], low: int, high: int) -> list[str]:
        """Between ``low`` and ``high`` of ``options``, in the order of ``options``."""
        count = min(len(options), self.rng.randint(low, high))
        chosen = set(self.rng.sample(options, count))
        return [option for option in options if option in chosen]

    def _area_label(self, code: str) -> str:
        for choice in self.thematic_areas:
            if choice["code"] == code:
                return choice["label"]["en"].lower()
        return code

    def _meeting_date(self) -> dt.date:
        """A day between :data:`FIRST_MEETING_DAY` and :data:`LAST_MEETING_DAY`."""
        span = (LAST_MEETING_DAY - FIRST_MEETING_DAY).days
        return FIRST_MEETING_DAY + dt.timedelta(days=self.rng.randint(0, span))

    # -- ISCM questionnaire ------------------------------------------------------------------

    def iscm_answers(self, code: str) -> dict[str, Any]:
        """A complete ISCM questionnaire for ISCM ``code``."""
        entry = self.registry.entry(code)
        name = entry.in_sentence_in("en")
        members = self.registry.members_of(code)
        states = [m for m in members if self.registry.entry(m).kind == "state"]
        igos = [m for m in members if self.registry.entry(m).kind == "igo"]
        area_codes = [c["code"] for c in self.thematic_areas]
        original = self._pick(area_codes, 2, 3)
        added = self._pick([c for c in area_codes if c not in original], 1, 3)
        current = [c for c in area_codes if c in original or c in added]

        answers: dict[str, Any] = {
            "respondent_name": _text("Secretariat focal point"),
            "respondent_position": _text(f"Programme Officer, secretariat of {name}"),
            "respondent_email": f"secretariat@{code}.example",
            "founding_document": _text(f"Founding Declaration of {name}"),
            # The year (and the meeting, where known) are the registry's, from public sources;
            # no founding date is made up.
            "founding_year": entry.founding_year or self.rng.randint(1985, ROUND_YEAR - 1),
            "founding_event": _text(
                entry.founding_event or "Ministerial Conference of the participating States"
            ),
            "mandate": _text(
                "provides a platform for regular, informal and non-binding dialogue among its "
                "participating States on " + _series([self._area_label(c) for c in original])
            ),
            "original_thematic_areas": original,
            "current_thematic_areas": current,
            "thematic_evolution": _text(
                "The broader agenda followed a review of priorities by the senior officials."
            ),
            "has_strategy": self.rng.choice(["yes", "no", "in_preparation"]),
            "guiding_document": _text(self._guiding_document(code, name)),
            "has_work_plan": self.rng.choice(["yes", "yes", "no"]),
        }
        if answers["has_strategy"] == "yes":
            start = self.rng.randint(2016, 2019)
            answers["strategy_title"] = _text(f"Strategy {start}-{start + 4}")
        if answers["has_work_plan"] == "yes":
            answers["work_plan_period"] = self.rng.choice(["annual", "biennial", "multi_year"])
            answers["work_plan_scope"] = _text("the term of the current chairmanship")
            answers["work_plan_monitors"] = self._pick(
                ["secretariat", "chair", "steering_committee", "member_states"], 1, 3
            )

        answers |= {
            "national_means": self._pick(
                ["thematic_meetings", "training", "capacity_building", "exchange_of_practices"]
                + ["research", "technical_assistance"],
                2,
                4,
            ),
            "national_examples": _text(
                f"Training workshops organised under {name} helped several member States to "
                "review their procedures and to draft national action plans."
            ),
            "interregional_contribution": _text(
                f"{name[0].upper()}{name[1:]} brings together "
                "the States of its region to agree on common approaches and to follow up on "
                "regional commitments."
            ),
        }
        if self.rng.random() < 0.6:
            answers["global_contribution"] = _text(
                "Its members presented a joint contribution to the consultations on the Global "
                "Compact for Safe, Orderly and Regular Migration."
            )

        answers |= self._structures(code, name, states, igos)
        answers |= self._partnerships(code, name, igos)
        answers |= {
            "member_value": self._pick(self.membership_values, 3, 6),
            "member_value_notes": _text(
                f"Member States describe {name} as a trusted space for frank exchanges."
            ),
            "member_value_examples": _text(
                "One member State drew on the exchanges to set up a national coordination "
                "mechanism on migration."
            ),
            "meetings": self._meetings(name, states),
        }
        if self.rng.random() < 0.3:
            answers["member_value_examples_no_attribution"] = True
        return answers

    def _structures(
        self, code: str, name: str, states: list[str], igos: list[str]
    ) -> dict[str, Any]:
        structures = ["chair", "co_chairs", "troika", "steering_committee", "secretariat"]
        structures += ["working_groups", "national_focal_points"]
        chosen = {"secretariat", *self._pick([e for e in structures if e != "secretariat"], 1, 3)}
        elements = [e for e in structures if e in chosen]
        managers = igos[:1] or ["iom"]
        supporters = [igo for igo in ("iom", "icmpd") if igo not in managers][:1]
        answers: dict[str, Any] = {
            "structure_elements": elements,
            "secretariat_kind": self._pick(["political", "technical"], 1, 2),
            "secretariat_managed_by": managers,
            "secretariat_supported_by": supporters,
            "secretariat_functions": self._pick(
                ["background_documents", "organising_meetings", "liaising_with_focal_points"]
                + ["monitoring", "communication", "resource_mobilisation"],
                2,
                4,
            ),
            "governing_documents": [
                {"document_title": _text(title)}
                for title in self._pick(
                    ["Terms of Reference", "Rules of Procedure", "Guidelines for the Chair"],
                    1,
                    3,
                )
            ],
            "knowledge_management": _text(
                "publishing the outcome documents of its meetings on a members' website"
            ),
            "communication_channels": self._pick(
                ["email", "meetings", "website", "newsletter", "social_media", "reports"], 2, 3
            ),
            "communication_frequency": self.rng.choice(["regular", "regular", "occasional"]),
            "membership_changed": self.rng.choice(["yes", "no"]),
            "funding_sources": self._pick(
                ["member_state_contributions", "regional_organisation", "eu", "host_country"]
                + ["igo", "donors", "project_funding"],
                1,
                3,
            ),
            "funding_description": _text(
                "contributions of its member States and project funding from partners"
            ),
            "funding_stability": self.rng.choice(["stable", "partly_stable", "unstable"]),
        }
        if answers["membership_changed"] == "yes":
            answers["states_joined"] = self._ordered(
                self.rng.sample(states, min(2, len(states))), "state"
            )
            answers["governance_changes"] = _text(
                f"The chairmanship of {name} now rotates every two years."
            )
        return answers

    def _partnerships(self, code: str, name: str, igos: list[str]) -> dict[str, Any]:
        others = [e.code for e in self.registry.iscms if e.code not in (code, KHARTOUM)]
        partner_igos = self._ordered(igos or ["iom"], "igo")
        return {
            "partner_iscms": self._ordered(self._pick(others, 1, 2), "iscm"),
            "partner_iscms_cooperation": _text(
                "The mechanisms invite each other to their meetings and exchange their work plans."
            ),
            "partner_igos": partner_igos,
            "partner_igo_roles": self._pick(self.igo_roles, 1, 3),
            "partner_igo_examples": [
                {
                    "igo": partner_igos[0],
                    "example": _text(f"provided technical advice for a thematic meeting of {name}"),
                }
            ],
            "civil_society_engagement": self._pick(
                ["attend_meetings", "technical_inputs", "implementation"], 1, 2
            ),
            "partnership_notes": _text(
                "Partnerships are reviewed each year when the work plan is adopted."
            ),
        }

    def _meetings(self, name: str, states: list[str]) -> list[dict[str, Any]]:
        levels = [
            ("ministerial", "Ministerial Conference"),
            ("senior_officials", "Senior Officials' Meeting"),
            ("steering_committee", "Steering Committee meeting"),
            ("thematic", "Thematic Meeting"),
            ("technical", "Expert Meeting"),
        ]
        meetings = []
        for _ in range(self.rng.randint(2, 4)):
            level, title = self.rng.choice(levels)
            country = self.rng.choice(states)
            start = self._meeting_date()
            meeting: dict[str, Any] = {
                "meeting_date": start.isoformat(),
                "meeting_country": country,
                "meeting_level": level,
                "meeting_title": _text(f"{title} of {name}"),
                "meeting_host": _text(self.registry.entry(country).short_name_in("en")),
                "meeting_summary": _text("Exchange of practices and review of the work plan."),
            }
            if self.rng.random() < 0.4:
                meeting["meeting_end_date"] = (start + dt.timedelta(days=1)).isoformat()
            meetings.append(meeting)
        return sorted(meetings, key=lambda m: m["meeting_date"])

    def _guiding_document(self, code: str, name: str) -> str:
        """The document an illustrative ISCM says guides its work: its founding declaration,
        as for the Khartoum Process, or a later action plan or declaration, drawn by the seed
        (from a generator of its own, so that the rest of the demo does not depend on it)."""
        documents = (
            "Founding Declaration of {iscm}",
            "Action Plan of {iscm}",
            "Ministerial Declaration of {iscm}",
            "Joint Roadmap of {iscm}",
        )
        rng = random.Random(f"{self.seed}:{code}:guiding_document")  # noqa: S311
        return rng.choice(documents).format(iscm=name)

    def _varied(self, pool: tuple[str, ...], iscm: str, name: str) -> str:
        """The next of ``pool`` for a State answering about ``iscm``: the States of one ISCM
        give different answers until the pool is used up, in an order the seed fixes.

        The order is drawn from a generator of its own, so that the rest of the demo (who
        answers, what they choose) does not depend on the size of the pool.
        """
        deck = self.decks.get((pool[0], iscm))
        if not deck:
            deck = list(pool)
            random.Random(f"{self.seed}:{iscm}:{pool[0]}").shuffle(deck)  # noqa: S311
            self.decks[(pool[0], iscm)] = deck
        return deck.pop().format(iscm=name)

    # -- State questionnaire -----------------------------------------------------------------

    def state_answers(self, code: str) -> dict[str, Any]:
        """A complete State questionnaire for State ``code``, about ISCMs it belongs to."""
        iscms = self._ordered(self._pick(_iscms_of_state(self.registry, code), 1, 4), "iscm")
        views = {}
        for iscm in iscms:
            roles = self.registry.roles_of(code, iscm)
            role = next(
                (r for r in ("chair", "steering_committee", "observer") if r in roles), "member"
            )
            name = self.registry.entry(iscm).in_sentence_in("en")
            view: dict[str, Any] = {
                "role": role,
                "value_areas": self._pick(self.membership_values, 2, 5),
                "benefits": _text(self._varied(_BENEFITS, iscm, name)),
                "value_rating": self.rng.choice(["3", "4", "4", "5"]),
            }
            if self.rng.random() < 0.2:
                view["benefits_no_attribution"] = True
            if self.rng.random() < 0.5:
                view["national_impact"] = _text(self._varied(_NATIONAL_IMPACTS, iscm, name))
                if self.rng.random() < 0.2:
                    view["national_impact_no_attribution"] = True
            views[iscm] = view
        return {
            "respondent_name": _text("Respondent"),
            "respondent_position": _text("Head of the migration policy unit"),
            "respondent_institution": _text("Ministry of Foreign Affairs"),
            "respondent_email": f"respondent@{code.lower()}.example",
            "iscms": iscms,
            "iscm_views": views,
        }


#: what an illustrative State says it gained from an ISCM, completing "particularly from ..."
_BENEFITS = (
    "the exchanges with neighbouring States at the meetings of {iscm}",
    "peer learning on the management of mixed migration flows",
    "study visits to the migration authorities of other participating States",
    "joint training of its border and consular officials",
    "access to the data and research that the secretariat shares",
    "contacts with counterparts that eased cooperation on return and readmission",
    "technical workshops on labour migration and the protection of migrant workers",
    "a better understanding of the positions of countries of transit and destination",
    "informal bilateral talks held on the margins of the ministerial meetings",
    "guidance from the secretariat on drafting a national migration strategy",
)

#: what an illustrative State says an ISCM changed at home, as a sentence
_NATIONAL_IMPACTS = (
    "Recommendations discussed in {iscm} informed a revision of national procedures.",
    "The national referral mechanism for victims of trafficking was set up after a workshop "
    "of {iscm}.",
    "A national migration policy adopted last year draws on the work of {iscm}.",
    "Officials trained at meetings of {iscm} now lead the national task force on migration.",
    "Data collection on labour migration improved after a regional exchange of practices.",
    "Cooperation with neighbouring States on return and readmission became more regular.",
    "Consular services for nationals abroad were revised in the light of the exchanges.",
    "An inter-ministerial committee on migration was created following its recommendations.",
)


def _series(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``; with a serial comma when an item has an "and"."""
    if len(items) <= 1:
        return "".join(items)
    last = ", and " if any(" and " in item for item in items) else " and "
    return ", ".join(items[:-1]) + last + items[-1]
