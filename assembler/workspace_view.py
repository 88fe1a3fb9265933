"""What a topic model's ``checks`` may see of the rest of the workspace (read-only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from assembler.content import Content
    from assembler.models.base import SiapModel
    from assembler.models.stpp import Stpp


@dataclass
class WorkspaceView:
    """The validated parts of a workspace: ``stpp`` (may be None if invalid), topics by id."""

    stpp: Stpp | None
    topics: dict[str, SiapModel] = field(default_factory=dict)
    content: Content | None = None

    def topic(self, topic_id: str) -> Any:
        """The validated model of topic ``topic_id`` ("2.1"), or None when absent or invalid."""
        return self.topics.get(topic_id)

    def has(self, topic_id: str) -> bool:
        return topic_id in self.topics
