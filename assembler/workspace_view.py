"""What a topic model's ``checks`` and every document builder may see of the workspace (read-only).

``get(Model)`` returns that topic's validated model with its own type, so a type checker follows
every builder into the fields it reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar, cast

from assembler.models.base import SiapModel
from assembler.models.registry import TOPIC_OF

if TYPE_CHECKING:  # pragma: no cover
    from assembler.content import Content
    from assembler.models.stpp import Stpp

M = TypeVar("M", bound=SiapModel)


@dataclass
class WorkspaceView:
    """The validated parts of a workspace: ``stpp`` (may be None if invalid), topics by id."""

    stpp: Stpp | None
    topics: dict[str, SiapModel] = field(default_factory=dict)
    content: Content | None = None

    def get(self, model: type[M]) -> M | None:
        """The validated model of the topic ``model`` validates, or None when absent or invalid."""
        # validate.py fills ``topics`` with MODELS[id] instances, so the id fixes the type.
        return cast("M | None", self.topics.get(TOPIC_OF[model]))

    def require(self, model: type[M]) -> M:
        """The model of a topic the document's registry entry ``requires`` (so build() checked it is there)."""
        found = self.get(model)
        if found is None:
            raise LookupError(f"topic {TOPIC_OF[model]} is required but absent; the registry's 'requires' is wrong")
        return found

    def topic(self, topic_id: str) -> SiapModel | None:
        """The validated model of topic ``topic_id`` ("2.1") when only the id is known (loops over topics)."""
        return self.topics.get(topic_id)

    def has(self, topic_id: str) -> bool:
        return topic_id in self.topics
